import { expect, test } from '@playwright/test';
import { login, registerMember, staff, uniqueEmail } from './helpers';
import { waitForMail } from './mail';

test('in the console staff insert a canned reply with /, keep an internal note, and the member gets the transcript by mail', async ({ browser }) => {
  const s = await (await browser.newContext()).newPage();
  await login(s, staff.email, staff.password, '/admin/chat');
  await expect(s.getByRole('heading', { name: 'チャット対応' })).toBeVisible();
  // A canned reply in the mail desk's store, saved the way the inbox page saves one.
  const saved = await s.evaluate(async () => {
    const r = await fetch('/api/inbox/canned/save', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: { title: '交換のご案内', body: 'ポイント交換は「交換」ページからお手続きいただけます。' } }),
    });
    return r.status;
  });
  expect(saved).toBe(200);
  await s.reload();
  const available = s.getByRole('checkbox', { name: '対応可能' });
  await expect(available).toBeVisible();
  if (!(await available.isChecked())) await available.check();

  const email = uniqueEmail('team');
  const member = await (await browser.newContext()).newPage();
  await registerMember(member, email, 'チャット 三番');
  await member.goto('/chat');
  await member.getByRole('radio', { name: 'ポイント交換' }).check();
  await member.getByRole('button', { name: 'チャットにつなぐ' }).click();
  await expect(member.getByText(/次にご案内します|あなたの前に/)).toBeVisible();
  await expect(s.getByRole('listitem').filter({ hasText: 'チャット 三番' })).toBeVisible();
  await s.getByRole('button', { name: '次の方を対応する' }).click();
  await expect(member.getByText(/担当: スタッフ 佐藤/)).toBeVisible();

  const chat = s.locator('.staff-chat').filter({ hasText: 'チャット 三番' });
  const box = chat.getByRole('textbox', { name: 'メッセージ' });
  await box.fill('/交換');
  await expect(chat.getByRole('group', { name: '定型文' }).getByRole('button', { name: '交換のご案内' })).toBeVisible();
  await box.press('Enter');
  await expect(box).toHaveValue('ポイント交換は「交換」ページからお手続きいただけます。');
  await chat.getByRole('button', { name: '送信' }).click();
  await expect(member.getByText('ポイント交換は「交換」ページからお手続きいただけます。')).toBeVisible();

  // An internal note: staff see it, the member never does.
  await chat.getByText(/内部メモ/).click();
  await chat.getByLabel('メモを追加').fill('通帳の記載待ちの可能性');
  await chat.getByRole('button', { name: 'メモを追加' }).click();
  await expect(chat.getByText('通帳の記載待ちの可能性')).toBeVisible();
  await expect(member.getByText('通帳の記載待ちの可能性')).toHaveCount(0);

  await chat.getByRole('button', { name: 'チャットを終了する' }).click();
  await expect(member.getByText('チャットは終了しました。ご利用ありがとうございました。')).toBeVisible();
  await member.getByRole('button', { name: '会話の記録をメールで受け取る' }).click();
  await expect(member.getByText('会話の記録をメールでお送りしました。')).toBeVisible();
  const mail = await waitForMail((m) => m.to.includes(email) && m.subject.includes('チャットの記録'));
  expect(mail.text).toContain('ポイント交換は「交換」ページからお手続きいただけます。');
  expect(mail.text).not.toContain('通帳の記載待ちの可能性');
});
