import { expect, test } from '@playwright/test';
import { login, registerMember, staff, uniqueEmail } from './helpers';

test('a member registers, logs out, logs in, sees the corner in Japanese and switches to English', async ({ page }) => {
  const email = uniqueEmail('hanako');
  await registerMember(page, email);

  const nav = page.getByRole('navigation', { name: 'メインメニュー' });
  await nav.getByRole('button', { name: 'ログアウト' }).click();
  await expect(nav.getByRole('link', { name: 'ログイン' })).toBeVisible();

  await login(page, email, 'とても長いパスワード');
  await expect(page.getByRole('heading', { name: 'カスタマーサービスコーナー' })).toBeVisible();
  const corner = page.getByRole('region', { name: 'カスタマーサービスコーナー' });
  for (const entry of ['お問い合わせ', 'チャットを利用する', 'ご意見ラボ', 'よくある質問']) {
    await expect(corner.getByRole('link', { name: new RegExp(entry) })).toBeVisible();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { name: 'Customer service corner' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Use live chat/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The choice is remembered across a reload.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Customer service corner' })).toBeVisible();
});

test('a wrong password shows a clear error and keeps the typed address', async ({ page }) => {
  const email = uniqueEmail('wrongpw');
  await registerMember(page, email, '誤入力 太郎');
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await login(page, email, 'まちがったパスワード');
  await expect(page.getByRole('alert').filter({ hasText: 'メールアドレスまたはパスワードが正しくありません。' })).toBeVisible();
  await expect(page.getByLabel('メールアドレス')).toHaveValue(email);
});

test('registration explains each invalid field in Japanese', async ({ page }) => {
  await page.goto('/register');
  await page.getByLabel('メールアドレス').fill('not-an-address');
  await page.getByLabel('パスワード').fill('short');
  await page.getByRole('button', { name: '会員登録' }).click();
  await expect(page.getByText('メールアドレスの形式が正しくありません。')).toBeVisible();
  await expect(page.getByText('8文字以上で入力してください。')).toBeVisible();
  await expect(page.getByText('入力してください。', { exact: true })).toBeVisible();
  await expect(page.getByLabel('メールアドレス')).toHaveAttribute('aria-invalid', 'true');
});

test('staff log in and reach the admin page', async ({ page }) => {
  await login(page, staff.email, staff.password, '/admin');
  await expect(page.getByRole('heading', { name: 'スタッフ管理画面' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '会員数' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '臨時休業日' })).toBeVisible();

  await page.getByLabel('日付').fill('2026-12-25');
  await page.getByLabel('メモ').fill('社内研修');
  await page.getByRole('button', { name: '追加' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: '社内研修' })).toBeVisible();
  await page.getByRole('listitem').filter({ hasText: '社内研修' }).getByRole('button', { name: '削除' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: '社内研修' })).toHaveCount(0);
});

test('a member who opens /admin is refused, and the server refuses too', async ({ page }) => {
  await registerMember(page, uniqueEmail('curious'), '好奇心 旺盛');
  await page.goto('/admin');
  await expect(page.getByRole('alert').filter({ hasText: 'このページはスタッフ専用です。' })).toBeVisible();
  const status = await page.evaluate(async () => {
    const r = await fetch('/api/admin/overview', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    return r.status;
  });
  expect(status).toBe(403);
});

test('the corner works on a phone-sized screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'カスタマーサービスコーナー' })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await context.close();
});
