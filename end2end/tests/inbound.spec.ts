import { expect, test } from '@playwright/test';
import { login, sendPointsInquiry, staff, uniqueEmail } from './helpers';
import { sendToListener, waitForMail } from './mail';

test('a member answers our mail by mail: the open staff page and the member history show only the new words', async ({ browser }) => {
  const member = await (await browser.newContext()).newPage();
  const email = uniqueEmail('mailreply');
  const reference = await sendPointsInquiry(member, email, '返信 太郎');

  const desk = await (await browser.newContext()).newPage();
  await login(desk, staff.email, staff.password, '/admin/inquiries');
  await desk.getByRole('link', { name: reference }).click();
  await expect(desk.getByText('ポイントが付きません。')).toBeVisible();
  await desk.getByRole('textbox', { name: '回答する' }).fill('ご注文番号をお知らせください。');
  await desk.getByRole('button', { name: '回答を送信' }).click();
  await expect(desk.locator('.thread')).toContainText('ご注文番号をお知らせください。');

  // The answer as the member's mail app received it: a reply address that names the inquiry.
  const answer = await waitForMail((m) => m.to.includes(email) && m.subject.includes('ご回答'));
  expect(answer.replyTo).toMatch(/^reply\+\d+\.[0-9a-f]{20}@/);
  expect(answer.text).toContain('このメールにそのまま返信すると');

  // The member presses "Reply": new words on top, our mail quoted below.
  const raw = [
    `From: 返信 太郎 <${email}>`,
    `To: ${answer.replyTo}`,
    'Subject: Re: [Madoguchi] お問い合わせへのご回答',
    `Message-ID: <e2e-${Date.now()}@example.jp>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'メールで返信します。注文番号は RT-998877 です。',
    '',
    `2026年11月25日(水) 12:00 Madoguchi サポートセンター <${answer.replyTo}>:`,
    '> ご注文番号をお知らせください。',
  ].join('\n');
  expect(await sendToListener(email, answer.replyTo!, raw)).toMatch(/^250/);

  // The staff page, never reloaded, shows the member's words (the desk socket told it).
  const latest = desk.locator('.thread .message.member').last();
  await expect(latest.locator('p.pre').first()).toHaveText('メールで返信します。注文番号は RT-998877 です。', { timeout: 15_000 });
  await expect(latest.getByText('メールで受信')).toBeVisible();
  await expect(latest.locator('details.quoted')).not.toHaveAttribute('open');

  // The member's history shows them too, with the quote folded.
  await member.goto('/contact/history');
  await member.getByRole('link', { name: reference }).click();
  const mine = member.locator('.thread .message.member').last();
  await expect(mine.locator('p.pre').first()).toHaveText('メールで返信します。注文番号は RT-998877 です。');
  await mine.getByText('引用部分を表示').click();
  await expect(mine.locator('details.quoted p.pre')).toContainText('ご注文番号をお知らせください。');
});
