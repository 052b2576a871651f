import { expect, test } from '@playwright/test';
import { fillPointsInquiry, login, sendPointsInquiry, staff, uniqueEmail } from './helpers';

// Issue #23: a supervisor makes a tag, tags a member's two inquiries at once from the inbox, filters by it and
// saves that as a view (with its count), then merges one inquiry into the other; the member is told where the
// conversation went.

test('staff tag inquiries in bulk, keep the filter as a saved view and merge a member\'s two inquiries', async ({ browser }) => {
  const member = await (await browser.newContext()).newPage();
  const first = await sendPointsInquiry(member, uniqueEmail('views'), '統合 花子');
  await fillPointsInquiry(member);
  await member.getByRole('button', { name: '確認画面へ' }).click();
  await member.getByRole('button', { name: '送信する' }).click();
  const second = (await member.locator('.reference').textContent())!.trim();

  const desk = await (await browser.newContext()).newPage();
  await login(desk, staff.email, staff.password, '/admin/inquiries');
  const tag = `障害${Date.now() % 100_000}`;
  await desk.locator('summary', { hasText: 'タグの管理' }).click();
  await desk.getByLabel('新しいタグ').fill(tag);
  await desk.getByRole('button', { name: '作成', exact: true }).click();
  await expect(desk.locator('#filter-tag option', { hasText: tag })).toHaveCount(1);

  // Both selected in the inbox, tagged at once.
  for (const reference of [first, second]) {
    await desk.getByRole('checkbox', { name: `選択 ${reference}` }).check();
  }
  await desk.getByLabel('処理', { exact: true }).selectOption({ label: 'タグを付ける・外す' });
  await desk.locator('#bulk-tag').selectOption({ label: tag });
  await desk.getByRole('button', { name: '実行する' }).click();
  await expect(desk.getByRole('status').filter({ hasText: '件を処理しました' })).toContainText('2');

  // Filtered by the tag: exactly those two, each showing it; kept as a view with its count.
  await desk.locator('#filter-tag').selectOption({ label: tag });
  await expect(desk.locator('tbody tr')).toHaveCount(2);
  await expect(desk.getByRole('row').filter({ hasText: first })).toContainText(tag);
  const view = `ビュー${tag}`;
  await desk.getByLabel('ビュー名').fill(view);
  await desk.getByRole('button', { name: '今の条件を保存' }).click();
  await expect(desk.getByRole('button', { name: `${view} 2` })).toBeVisible();
  // Another filter, then the view brings the tag filter back.
  await desk.locator('#filter-tag').selectOption({ index: 0 });
  await desk.getByRole('button', { name: `${view} 2` }).click();
  await expect(desk.locator('tbody tr')).toHaveCount(2);

  // Merge the second into the first.
  await desk.getByRole('link', { name: first }).click();
  await expect(desk.getByRole('heading', { name: first })).toBeVisible();
  await desk.locator('summary', { hasText: '同じ会員のお問い合わせを統合' }).click();
  await desk.locator('#merge-other').selectOption({ label: second });
  desk.once('dialog', (d) => d.accept());
  await desk.getByRole('button', { name: 'ここに統合する' }).click();
  await expect(desk.locator('.notes')).toContainText(`${second} を統合しました。`);

  // The member's second inquiry is closed and says where the conversation went.
  await member.goto('/contact/history');
  await member.getByRole('link', { name: second }).click();
  await expect(member.getByText(`このお問い合わせは ${first} にまとめました。`)).toBeVisible();
});
