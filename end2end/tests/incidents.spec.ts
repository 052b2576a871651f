import { expect, test } from '@playwright/test';
import { fillPointsInquiry, login, registerMember, staff, uniqueEmail } from './helpers';

// Issue #23: three members write about one shop's outage; staff open an incident for the shop and day, link the
// three it suggests, and answer them at once — each member gets their own answer, by name, and sees the note.

test('staff link the inquiries an incident suggests and answer the three at once', async ({ browser }) => {
  const shop = `計測テスト${Date.now() % 100_000}`;
  const members = [];
  for (const name of ['障害 一郎', '障害 二郎', '障害 三郎']) {
    const page = await (await browser.newContext()).newPage();
    await registerMember(page, uniqueEmail('incident'), name);
    await fillPointsInquiry(page);
    await page.getByLabel(/ショップ・広告主名/).fill(shop);
    await page.getByRole('button', { name: '確認画面へ' }).click();
    await page.getByRole('button', { name: '送信する' }).click();
    members.push({ page, name, reference: (await page.locator('.reference').textContent())!.trim() });
  }

  const desk = await (await browser.newContext()).newPage();
  await login(desk, staff.email, staff.password, '/admin/incidents');
  await desk.getByLabel('件名').fill(`${shop} 計測障害`);
  await desk.getByLabel(/ショップ・広告主名/).fill(shop);
  await desk.getByLabel('発生日').fill('2026-10-02');
  const note = `${shop}の計測障害により、ポイントの反映が遅れています。`;
  await desk.getByLabel(/会員へのお知らせ/).fill(note);
  await desk.getByRole('button', { name: '保存する' }).click();
  await expect(desk.getByRole('heading', { name: `${shop} 計測障害` })).toBeVisible();
  for (const m of members) await expect(desk.getByRole('row').filter({ hasText: m.reference })).toBeVisible();
  await desk.getByRole('button', { name: '候補をすべて紐付ける' }).click();
  await expect(desk.getByRole('heading', { name: /紐付いたお問い合わせ \(3\)/ })).toBeVisible();

  // One answer to the three, each filled with its member's name.
  await desk.getByLabel('同じ回答を送る(1件ずつ個別のメール)', { exact: true }).fill('{{member_name}} 様、復旧後に反映されます。');
  await desk.getByRole('button', { name: '実行する' }).click();
  await expect(desk.getByRole('status').filter({ hasText: '件を処理しました' })).toContainText('3');

  for (const m of members) {
    await m.page.goto('/contact/history');
    await m.page.getByRole('link', { name: m.reference }).click();
    await expect(m.page.getByText(`${m.name} 様、復旧後に反映されます。`)).toBeVisible();
    await expect(m.page.getByText(note)).toBeVisible();
  }
});
