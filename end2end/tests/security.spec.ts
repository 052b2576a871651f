import { expect, test } from '@playwright/test';
import { login, registerMember, uniqueEmail, verificationLink } from './helpers';
import { waitForMail } from './mail';

// After logging in, `next` may only lead to a page of this site. Each of these reached another
// host (or a script) in some browser or router at some point; all must land on the top page.
const hostile = [
  '/%09/evil.example',
  '/%0a/evil.example',
  '//evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  'https://evil.example/',
  'javascript:alert(document.domain)',
  '/%2F%2Fevil.example',
  ' /evil',
];

test('login sends `next` only to pages of this site', async ({ page }) => {
  const email = uniqueEmail('redirect');
  await registerMember(page, email, '転送 確認');
  const origin = new URL(page.url()).origin;
  for (const next of hostile) {
    await page.getByRole('button', { name: 'ログアウト' }).click();
    // The raw value, as an attacker would put it in a link (not re-encoded by the helper).
    await page.goto(`/login?next=${next}`);
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード').fill('とても長いパスワード');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await expect(page.getByRole('heading', { name: 'カスタマーサービスコーナー' })).toBeVisible();
    const url = new URL(page.url());
    expect(url.origin, `next=${next}`).toBe(origin);
    expect(url.hostname).not.toContain('evil');
  }
  // A real page of the site is honoured.
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await login(page, email, 'とても長いパスワード', '/faq');
  await expect(page).toHaveURL(/\/faq$/);
});

test('pages carry a content security policy and still run', async ({ page }) => {
  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(csp).not.toContain('unsafe-inline');
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'カスタマーサービスコーナー' })).toBeVisible();
  expect(violations).toEqual([]);
});

test('sign-up answers the same for a registered address, and an unverified member is told why', async ({ page }) => {
  const email = uniqueEmail('twice');
  await registerMember(page, email, '二重 登録');
  await page.getByRole('button', { name: 'ログアウト' }).click();
  // Someone else tries the same address: the same screen, and the owner is told by mail.
  await page.goto('/register');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill('べつのパスワードです');
  await page.getByLabel('表示名').fill('なりすまし');
  await page.getByRole('button', { name: '会員登録' }).click();
  await expect(page.getByRole('heading', { name: '確認メールを送信しました' })).toBeVisible();
  await waitForMail((m) => m.to.includes(email) && m.subject.includes('会員登録のお申し込みがありました'));

  // A new member who logs in before opening the link sees why writing waits, and can resend.
  const fresh = uniqueEmail('unverified');
  await page.goto('/register');
  await page.getByLabel('メールアドレス').fill(fresh);
  await page.getByLabel('パスワード').fill('とても長いパスワード');
  await page.getByLabel('表示名').fill('未確認 花子');
  await page.getByRole('button', { name: '会員登録' }).click();
  await expect(page.getByRole('heading', { name: '確認メールを送信しました' })).toBeVisible();
  await login(page, fresh, 'とても長いパスワード');
  await expect(page.getByText('メールアドレスの確認が済むまで')).toBeVisible();
  await page.getByRole('link', { name: '確認メールを再送' }).click();
  await page.getByRole('button', { name: '確認メールを再送' }).click();
  await expect(page.getByText('確認メールを再送しました。')).toBeVisible();
  await page.goto(await verificationLink(fresh));
  await expect(page.getByRole('heading', { name: 'カスタマーサービスコーナー' })).toBeVisible();
  await expect(page.getByText('メールアドレスの確認が済むまで')).toHaveCount(0);
});

test('a member who forgot the password resets it by mail, and the old session ends', async ({ page, browser }) => {
  const email = uniqueEmail('forgot');
  await registerMember(page, email, '忘却 太郎');
  // The same member is still logged in on another device.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await login(otherPage, email, 'とても長いパスワード');
  await expect(otherPage.getByText('忘却 太郎')).toBeVisible();

  await page.getByRole('button', { name: 'ログアウト' }).click();
  await page.goto('/login');
  await page.getByRole('link', { name: 'パスワードをお忘れの方' }).click();
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByRole('button', { name: '再設定メールを送信' }).click();
  await expect(page.getByText('ご登録があれば、再設定用のリンクをお送りしました')).toBeVisible();
  const mail = await waitForMail((m) => m.to.includes(email) && m.text.includes('/account/reset?token='));
  const link = mail.text.match(/https?:\/\/\S+\/account\/reset\?token=\S+/)![0];
  await page.goto(link);
  await page.getByLabel('新しいパスワード').fill('あたらしいパスワード');
  await page.getByRole('button', { name: 'パスワードを変更' }).click();
  await expect(page.getByRole('heading', { name: 'カスタマーサービスコーナー' })).toBeVisible();
  await expect(page.getByText('忘却 太郎')).toBeVisible();

  // The other device's session ended; the new password works, the old one does not.
  await otherPage.reload();
  await expect(otherPage.getByRole('link', { name: 'ログイン' })).toBeVisible();
  await login(otherPage, email, 'とても長いパスワード');
  await expect(otherPage.getByRole('alert').filter({ hasText: 'メールアドレスまたはパスワードが正しくありません。' })).toBeVisible();
  await login(otherPage, email, 'あたらしいパスワード');
  await expect(otherPage.getByText('忘却 太郎')).toBeVisible();
  await other.close();
});
