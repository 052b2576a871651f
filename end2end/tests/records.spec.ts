import { expect, test } from '@playwright/test';
import { fillPointsInquiry, login, registerMember, staff, uniqueEmail } from './helpers';

// Issue #23: finding things. The search box is on every staff page; what it finds links to the
// inquiry, the chat's transcript and the member page.

test('staff find an inquiry by the order number typed in the wizard, and open its member', async ({ browser }) => {
  const member = await (await browser.newContext()).newPage();
  const email = uniqueEmail('search');
  await registerMember(member, email, '検索 桃子');
  await fillPointsInquiry(member);
  // An order number nobody else has, typed as members do (full width).
  const order = `RS-${Date.now() % 1_000_000_000}`;
  const wide = order.replace(/[A-Z0-9-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  await member.getByLabel(/注文番号・予約番号/).fill(wide);
  await member.getByRole('button', { name: '確認画面へ' }).click();
  await member.getByRole('button', { name: '送信する' }).click();
  const reference = (await member.locator('.reference').textContent())!.trim();

  const desk = await (await browser.newContext()).newPage();
  await login(desk, staff.email, staff.password, '/admin/inquiries');
  // The box at the top of the inbox; the order number as the shop's mail shows it (half width).
  const box = desk.getByRole('search').first();
  await box.getByRole('searchbox', { name: 'お問い合わせ・チャット・会員を検索' }).fill(order.toLowerCase());
  await box.getByRole('button', { name: '検索' }).click();
  await expect(desk).toHaveURL(/\/admin\/search\?q=/);
  const hit = desk.locator('.hits li').filter({ hasText: reference });
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toBeVisible();

  // The member page, from the hit: the inquiry is there, and so is the address.
  await hit.getByRole('link', { name: '検索 桃子' }).click();
  await expect(desk.getByRole('heading', { level: 1, name: '検索 桃子' })).toBeVisible();
  await expect(desk.getByText(email)).toBeVisible();
  await expect(desk.getByRole('link', { name: reference })).toBeVisible();
  await desk.getByRole('link', { name: reference }).click();
  await expect(desk.getByRole('heading', { name: new RegExp(reference) })).toBeVisible();

  // A search that finds nothing says so, and keeps what was typed.
  await desk.goto('/admin/search?q=' + encodeURIComponent('存在しない注文 ZZ-0000'));
  await expect(desk.getByText('見つかりませんでした。')).toBeVisible();
  await expect(desk.getByRole('searchbox', { name: 'お問い合わせ・チャット・会員を検索' })).toHaveValue('存在しない注文 ZZ-0000');
});

test('the member page shows a member\'s chat and inquiry; past chats are listed for staff', async ({ browser }) => {
  const s = await (await browser.newContext()).newPage();
  await login(s, staff.email, staff.password, '/admin/chat');
  await expect(s.getByRole('heading', { name: 'チャット対応' })).toBeVisible();
  const available = s.getByRole('checkbox', { name: '対応可能' });
  if (!(await available.isChecked())) await available.check();

  const member = await (await browser.newContext()).newPage();
  await registerMember(member, uniqueEmail('records'), '記録 葵');
  await fillPointsInquiry(member);
  await member.getByRole('button', { name: '確認画面へ' }).click();
  await member.getByRole('button', { name: '送信する' }).click();
  const reference = (await member.locator('.reference').textContent())!.trim();
  await member.goto('/chat');
  await member.getByRole('radio', { name: 'ポイント交換' }).check();
  await member.getByRole('button', { name: 'チャットにつなぐ' }).click();
  await expect(s.getByRole('listitem').filter({ hasText: '記録 葵' })).toBeVisible();
  await s.getByRole('button', { name: '次の方を対応する' }).click();
  const word = `合言葉${Date.now() % 100_000}`;
  await member.getByRole('textbox', { name: 'メッセージ' }).fill(`${word}の交換について`);
  await member.getByRole('button', { name: '送信' }).click();
  const panel = s.getByRole('region', { name: /記録 葵/ });
  await expect(panel.getByText(`${word}の交換について`)).toBeVisible();
  await panel.getByRole('button', { name: 'チャットを終了する' }).click();
  await expect(member.getByText('チャットは終了しました。ご利用ありがとうございました。')).toBeVisible();

  // The chat is found by its words and leads to the member page.
  await s.goto('/admin/search?q=' + encodeURIComponent(word));
  const chatHit = s.locator('.hits li').filter({ hasText: '記録 葵' });
  await expect(chatHit.locator('mark')).toHaveText(word);
  await chatHit.getByRole('link', { name: '記録 葵' }).click();
  await expect(s.getByRole('heading', { level: 1, name: '記録 葵' })).toBeVisible();
  const chats = s.getByRole('region', { name: /チャット/ });
  await expect(chats.getByText(/ポイント交換/)).toBeVisible();
  await expect(s.getByRole('link', { name: reference })).toBeVisible();

  // The past chats list has it at the top, with a link to the transcript.
  await s.goto('/admin/chats');
  const row = s.getByRole('row').filter({ hasText: '記録 葵' });
  await expect(row).toBeVisible();
  await row.getByRole('link').first().click();
  await expect(s.getByText(`${word}の交換について`)).toBeVisible();
});

test('staff select the inquiries a search found and answer them at once, each by name', async ({ browser }) => {
  // Three members write about the same shop (as when one advertiser's tracking breaks).
  const shop = `テスト商店${Date.now() % 100_000}`;
  const members = [];
  for (const name of ['一括 一郎', '一括 二郎', '一括 三郎']) {
    const page = await (await browser.newContext()).newPage();
    await registerMember(page, uniqueEmail('bulk'), name);
    await fillPointsInquiry(page);
    await page.getByLabel(/ショップ・広告主名/).fill(shop);
    await page.getByRole('button', { name: '確認画面へ' }).click();
    await page.getByRole('button', { name: '送信する' }).click();
    members.push({ page, name, reference: (await page.locator('.reference').textContent())!.trim() });
  }

  const desk = await (await browser.newContext()).newPage();
  await login(desk, staff.email, staff.password, '/admin/search?q=' + encodeURIComponent(shop));
  await expect(desk.locator('.hits li')).toHaveCount(3);
  await desk.getByRole('checkbox', { name: 'すべて選択' }).check();
  const bar = desk.getByRole('form', { name: /選んだお問い合わせをまとめて処理/ });
  await expect(bar.getByRole('heading')).toContainText('3');
  await bar.getByRole('textbox', { name: /同じ回答を送る/ }).fill('{{member_name}} 様、{{shop_name}}の件は広告主に確認中です。');
  await bar.getByRole('button', { name: '実行する' }).click();
  await expect(bar.getByRole('status')).toContainText('3件を処理しました。');

  // Each member reads the answer with their own name in it.
  for (const m of members) {
    await m.page.goto('/contact/history');
    await m.page.getByRole('link', { name: m.reference }).click();
    await expect(m.page.locator('.thread')).toContainText(`${m.name} 様、${shop}の件は広告主に確認中です。`);
  }
});
