import { expect, test } from '@playwright/test';
import { login, registerMember, staff, uniqueEmail } from './helpers';

test('a supervisor adds a category with a choice field and members see it in the wizard at once', async ({ browser }) => {
  const s = await (await browser.newContext()).newPage();
  await login(s, staff.email, staff.password, '/admin/categories');
  await expect(s.getByRole('heading', { name: 'お問い合わせカテゴリの編集' })).toBeVisible();
  await expect(s).toHaveTitle(/^お問い合わせカテゴリの編集 \| /);
  await s.getByRole('button', { name: 'カテゴリを追加' }).click();

  // Saved without a name: each problem is shown where it is, nothing typed is lost.
  await s.locator('#cat-id').fill('campaign');
  await s.getByRole('button', { name: '保存する' }).click();
  await expect(s.locator('#cat-name-ja-error')).toHaveText('入力してください。');
  await expect(s.locator('#cat-id')).toHaveValue('campaign');

  await s.locator('#cat-name-ja').fill('キャンペーンについて');
  await s.locator('#cat-name-en').fill('Campaigns');
  await s.getByRole('button', { name: '項目を追加' }).click();
  await s.locator('#field-1-key').fill('which');
  await s.locator('#field-1-label-ja').fill('対象のキャンペーン');
  await s.locator('#field-1-label-en').fill('Campaign');
  await s.locator('#field-1-kind').selectOption({ label: '選択肢' });
  await s.locator('#field-1-choices').fill('autumn|秋のポイントアップ|Autumn bonus\nfriend|友達紹介|Refer a friend');
  await s.getByRole('button', { name: '保存する' }).click();
  await expect(s.getByRole('status').filter({ hasText: '保存しました。' })).toBeVisible();
  const row = s.getByRole('row').filter({ hasText: 'キャンペーンについて' });
  await expect(row).toContainText('受付中');

  const member = await (await browser.newContext()).newPage();
  await registerMember(member, uniqueEmail('campaign'), 'キャンペーン 花子');
  await member.goto('/contact');
  await member.getByRole('radio', { name: /キャンペーンについて/ }).check();
  await member.getByRole('button', { name: '次へ' }).click();
  await member.getByRole('checkbox', { name: /個人情報の取り扱いについて/ }).check();
  await member.getByRole('checkbox', { name: /利用規約/ }).check();
  await member.getByRole('button', { name: 'お問い合わせフォームへ' }).click();
  await expect(member.getByLabel(/対象のキャンペーン/)).toBeVisible();
  await member.getByLabel(/対象のキャンペーン/).selectOption({ label: '友達紹介' });

  // Retired, it leaves the form (the other tests see the categories they expect).
  await row.getByRole('button', { name: '廃止する' }).click();
  await expect(s.getByRole('row').filter({ hasText: 'キャンペーンについて' })).toContainText('廃止');
  await member.goto('/contact');
  await expect(member.getByRole('radio', { name: /ポイント獲得について/ })).toBeVisible();
  await expect(member.getByRole('radio', { name: /キャンペーンについて/ })).toHaveCount(0);
});
