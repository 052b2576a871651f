import { expect, test } from '@playwright/test';
import { login, registerMember, staff, uniqueEmail } from './helpers';

test('a member searches from the corner, opens an article and rates it helpful', async ({ page }) => {
  await registerMember(page, uniqueEmail('faq'), '検索 花子');
  await page.getByRole('region', { name: 'カスタマーサービスコーナー' }).getByRole('link', { name: /よくある質問/ }).click();
  await expect(page.getByRole('heading', { name: 'よくある質問', level: 1 })).toBeVisible();
  await page.getByRole('searchbox', { name: 'キーワードで検索' }).fill('退会');
  await page.getByRole('button', { name: '検索' }).click();
  await expect(page.getByRole('heading', { name: /検索結果/ })).toBeVisible();
  const first = page.getByRole('link', { name: '退会の手続き' });
  await expect(first.locator('mark')).toHaveText('退会');
  await first.click();
  await expect(page.getByRole('heading', { name: '退会の手続き', level: 1 })).toBeVisible();
  await expect(page.locator('.article-body strong')).toHaveText('すべて失効');
  await page.getByRole('button', { name: 'はい' }).click();
  await expect(page.getByText('ご回答ありがとうございました。')).toBeVisible();
  await expect(page.getByRole('button', { name: 'はい' })).toHaveAttribute('aria-pressed', 'true');
});

test('the contact wizard suggests articles for what the member types', async ({ page }) => {
  await registerMember(page, uniqueEmail('deflect'), '提案 太郎');
  await page.goto('/contact?category=account');
  await page.getByRole('checkbox', { name: /個人情報の取り扱いについて/ }).check();
  await page.getByRole('checkbox', { name: /利用規約/ }).check();
  await page.getByRole('button', { name: 'お問い合わせフォームへ' }).click();
  await page.getByLabel(/変更の詳細/).fill('パスワードを忘れてしまいログインできません');
  const suggestions = page.getByRole('complementary', { name: 'こちらで解決しませんか?' });
  await expect(suggestions.getByRole('link', { name: 'パスワードを忘れました' })).toBeVisible();
  await expect(suggestions.getByRole('link', { name: 'ログインできません' })).toBeVisible();
});

test('staff edit an article and members see the change', async ({ browser }) => {
  const staffContext = await browser.newContext();
  const staffPage = await staffContext.newPage();
  await login(staffPage, staff.email, staff.password, '/admin/faq');
  await expect(staffPage.getByRole('heading', { name: 'よくある質問の管理' })).toBeVisible();
  await staffPage.getByRole('link', { name: 'チャットの受付時間' }).click();
  await expect(staffPage.getByLabel('タイトル(日本語)')).toHaveValue('チャットの受付時間');
  await staffPage.getByLabel('タイトル(日本語)').fill('チャットの受付時間と混雑状況');
  await staffPage.getByLabel('本文(日本語・Markdown)').fill('チャットは **平日11:00〜19:00** です。\n\n- 混雑時はお待ちいただきます');
  await staffPage.getByRole('button', { name: 'プレビュー' }).click();
  await expect(staffPage.locator('.article-body li')).toHaveText('混雑時はお待ちいただきます');
  await staffPage.getByRole('button', { name: '保存する' }).click();
  await expect(staffPage.getByRole('link', { name: 'チャットの受付時間と混雑状況' })).toBeVisible();

  const memberContext = await browser.newContext();
  const page = await memberContext.newPage();
  await page.goto('/faq?q=混雑');
  await page.getByRole('link', { name: /チャットの受付時間と混雑状況/ }).click();
  await expect(page.getByText('混雑時はお待ちいただきます')).toBeVisible();
  await staffContext.close();
  await memberContext.close();
});
