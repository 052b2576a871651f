import { expect, test } from '@playwright/test';
import { fillPointsInquiry, login, registerMember, staff, uniqueEmail } from './helpers';

// Issue #23, "Measure it right": a member's inquiry shows up in the desk's figures — in its category's
// row and in the weekday × hour heatmap cell of the moment it arrived — and a period the report cannot
// read is refused in words, the dates typed kept.

test('an inquiry shows in the desk figures by category and in the heatmap cell of its arrival', async ({ browser }) => {
  const member = await (await browser.newContext()).newPage();
  await registerMember(member, uniqueEmail('figures'), '数字 花子');
  await fillPointsInquiry(member);
  await member.getByRole('button', { name: '確認画面へ' }).click();
  await member.getByRole('button', { name: '送信する' }).click();
  await expect(member.locator('.reference')).toBeVisible();
  // Tokyo's weekday (Monday = 0) and hour on the server's clock, as it files the arrival: pinned by
  // scripts/e2e.sh and running on since the server started (so this hour or the next).
  const serverNow = process.env.MADOGUCHI_E2E_NOW ? Date.parse(process.env.MADOGUCHI_E2E_NOW) : Date.now();
  const tokyo = new Date(serverNow + 9 * 3600_000);
  const weekday = (tokyo.getUTCDay() + 6) % 7;
  const hour = tokyo.getUTCHours();

  const desk = await (await browser.newContext()).newPage();
  await login(desk, staff.email, staff.password, '/admin/figures');
  await expect(desk.getByRole('heading', { name: '窓口の数字', level: 1 })).toBeVisible();
  await expect(desk).toHaveTitle(/窓口の数字/);
  const points = desk.getByRole('table', { name: 'カテゴリー別' }).getByRole('row').filter({ hasText: 'ポイント獲得' });
  await expect(points).toBeVisible();
  expect(Number(await points.getByRole('cell').first().textContent())).toBeGreaterThanOrEqual(1);
  const row = desk.locator('svg.heatmap g').nth(weekday).locator('rect');
  const counts = await Promise.all([hour, (hour + 1) % 24].map(async (h) => Number(await row.nth(h).getAttribute('data-count'))));
  expect(counts[0] + counts[1]).toBeGreaterThanOrEqual(1);
  await expect(desk.getByRole('img', { name: '未完了件数(各日の終わり)' })).toBeVisible();

  // Two years at once: refused with the reason, the dates stay as typed.
  await desk.getByLabel('開始日').fill('2024-01-01');
  await desk.getByLabel('終了日').fill('2026-01-31');
  await desk.getByRole('button', { name: '表示', exact: true }).click();
  await expect(desk.getByRole('alert').filter({ hasText: '期間は366日以内で指定してください。' })).toBeVisible();
  await expect(desk.getByLabel('開始日')).toHaveValue('2024-01-01');
});
