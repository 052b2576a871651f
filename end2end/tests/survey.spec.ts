import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { login, registerMember, sendPointsInquiry, staff, uniqueEmail } from './helpers';
import { waitForMail } from './mail';

test('staff end a chat, the member answers the survey, and insights and the CSV show it', async ({ browser }) => {
  const s = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await login(s, staff.email, staff.password, '/admin/chat');
  const available = s.getByRole('checkbox', { name: '対応可能' });
  if (!(await available.isChecked())) await available.check();

  const m = await (await browser.newContext()).newPage();
  await registerMember(m, uniqueEmail('survey'), 'アンケート 花子');
  await m.goto('/chat');
  await m.getByRole('radio', { name: 'キャンペーン' }).check();
  await m.getByRole('button', { name: 'チャットにつなぐ' }).click();
  await expect(m.getByText(/次にご案内します。|あなたの前に/)).toBeVisible();

  await s.getByRole('button', { name: '次の方を対応する' }).click();
  const panel = s.getByRole('region', { name: /アンケート 花子/ });
  await panel.getByRole('textbox', { name: 'メッセージ' }).fill('キャンペーンの詳細はこちらです。');
  await panel.getByRole('button', { name: '送信' }).click();
  await expect(m.getByText('キャンペーンの詳細はこちらです。')).toBeVisible();
  await panel.getByRole('button', { name: 'チャットを終了する' }).click();

  // The survey takes the chat's place; it is keyboard-usable radios with labels.
  await expect(m.getByRole('heading', { name: 'アンケートにご協力ください' })).toBeVisible();
  await expect(m.getByRole('button', { name: '回答しない' })).toBeVisible();
  await m.getByRole('radio', { name: '5 とても満足' }).check();
  await m.getByRole('group', { name: 'ご質問は解決しましたか?' }).getByRole('radio', { name: 'はい' }).check();
  await m.getByLabel(/ご意見・ご感想/).fill('すぐにつながって助かりました');
  await m.getByRole('button', { name: '回答する' }).click();
  await expect(m.getByText('ご回答ありがとうございました。')).toBeVisible();

  await s.goto('/admin/insights');
  await expect(s.getByRole('heading', { name: 'サポート状況' })).toBeVisible();
  await expect(s.getByText('すぐにつながって助かりました')).toBeVisible();
  await expect(s.locator('.stat').filter({ hasText: '満足度(4〜5の割合)' }).first()).toContainText('%');

  const download = s.waitForEvent('download');
  await s.getByRole('link', { name: 'アンケート回答をCSVで書き出す' }).click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const rows = csv.slice(1).trim().split(/\r\n/);
  expect(rows[0]).toBe('chat_id,answered_at,staff,score,resolved,comment');
  expect(rows.some((r) => r.endsWith(',5,yes,すぐにつながって助かりました'))).toBe(true);
});

test('a reply that closes an inquiry mails the survey link; the member answers and insights show mail beside chat', async ({ browser }) => {
  const email = uniqueEmail('mailsurvey');
  const member = await (await browser.newContext()).newPage();
  const reference = await sendPointsInquiry(member, email, 'アンケート 花子');

  const s = await (await browser.newContext()).newPage();
  await login(s, staff.email, staff.password, '/admin/inquiries');
  await s.getByRole('link', { name: reference }).click();
  await s.getByRole('textbox', { name: '回答する' }).fill('ポイントを付与し、対応を完了しました。');
  await s.getByRole('checkbox', { name: /この回答で対応完了にする/ }).check();
  await s.getByRole('button', { name: '回答を送信' }).click();
  await expect(s.locator('.thread')).toContainText('ポイントを付与し、対応を完了しました。');

  const mail = await waitForMail((m) => m.to.includes(email) && m.subject.includes('ご回答'));
  const link = /http:\/\/[^\s]+\/contact\/survey\/\d+/.exec(mail.text)?.[0];
  expect(link, mail.text).toBeTruthy();
  await member.goto(new URL(link!).pathname);
  await expect(member).toHaveTitle(/^アンケートにご協力ください \| お問い合わせ履歴 \| /);
  await member.getByRole('radio', { name: /とても満足/ }).check();
  await member.getByRole('radio', { name: 'はい' }).check();
  await member.getByRole('button', { name: '回答する' }).click();
  await expect(member.getByRole('status').filter({ hasText: 'ご回答ありがとうございました' })).toBeVisible();

  await s.goto('/admin/insights');
  const channels = s.locator('table.csat-channels');
  await expect(channels.getByRole('row', { name: /メール/ })).toContainText('100');
});
