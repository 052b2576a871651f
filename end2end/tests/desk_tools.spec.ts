import { expect, test } from '@playwright/test';
import { login, sendPointsInquiry, staff, uniqueEmail } from './helpers';

// Issue #23: the inbox's countdown; staff fix a wrong category (the member's answers stay as written) and keep their
// canned replies tidy — overwrite one with a better text, delete one — from the inquiry page.

test('staff move an inquiry to another category and overwrite, use and delete a canned reply', async ({ browser }) => {
  const member = await (await browser.newContext()).newPage();
  const reference = await sendPointsInquiry(member, uniqueEmail('tools'), '道具 花子');

  const desk = await (await browser.newContext()).newPage();
  await login(desk, staff.email, staff.password, '/admin/inquiries');
  // The inbox counts down in desk time: sent Wednesday just after noon (the clock starts there
  // and runs), due Thursday at the same time: 12–17 and 11–12 of open desk, less what has passed.
  await expect(desk.getByRole('row').filter({ hasText: reference })).toContainText(/営業時間であと (6:00|5:[0-5]\d)/);
  await desk.getByRole('link', { name: reference }).click();
  await expect(desk.getByRole('heading', { name: reference })).toBeVisible();

  // Recategorize: the summary follows, the member's answers keep their labels.
  await desk.getByLabel('カテゴリ', { exact: true }).selectOption({ label: 'その他' });
  await desk.getByRole('button', { name: 'カテゴリを変更' }).click();
  await expect(desk.locator('dl.summary').first()).toContainText('その他');
  await expect(desk.getByText('ショップ・広告主名')).toBeVisible();

  // A canned reply: saved, chosen (placeholders filled), overwritten, then deleted.
  const title = `案内${Date.now() % 100_000}`;
  const reply = desk.getByLabel('回答する', { exact: true });
  await reply.fill('{{member_name}} 様、お問い合わせ {{reference}} について確認いたします。');
  await desk.getByLabel('定型文の名前').fill(title);
  await desk.getByRole('button', { name: '定型文として保存' }).click();
  await expect(desk.getByLabel('定型文を挿入').locator('option', { hasText: title })).toHaveCount(1);
  await reply.fill('');
  await desk.getByLabel('定型文を挿入').selectOption({ label: title });
  await expect(reply).toHaveValue(`道具 花子 様、お問い合わせ ${reference} について確認いたします。`);
  await reply.fill('{{member_name}} 様、ただいま確認中です。');
  await desk.getByRole('button', { name: 'この返信の内容で上書き' }).click();
  await reply.fill('');
  await desk.getByLabel('定型文を挿入').selectOption({ label: title });
  await expect(reply).toHaveValue('道具 花子 様、ただいま確認中です。');
  desk.once('dialog', (d) => d.accept());
  await desk.getByRole('button', { name: '定型文を削除' }).click();
  await expect(desk.getByLabel('定型文を挿入').locator('option', { hasText: title })).toHaveCount(0);
});
