import { expect, test } from '@playwright/test';
import { login, registerMember, staff, uniqueEmail } from './helpers';

test('a member joining the chat queue and a new inquiry show in a staff tab without a reload', async ({ browser }) => {
  const s = await (await browser.newContext()).newPage();
  await login(s, staff.email, staff.password, '/admin/inquiries');
  await expect(s.getByRole('heading', { name: 'お問い合わせ受信箱' })).toBeVisible();
  await expect(s).toHaveTitle(/^お問い合わせ受信箱 \| /);
  // Let the tab's event socket connect before anything happens.
  await s.waitForTimeout(1000);

  const member = await (await browser.newContext()).newPage();
  await registerMember(member, uniqueEmail('pulse'), '通知 太郎');
  await member.goto('/chat');
  await member.getByRole('radio', { name: 'サイトの使い方' }).check();
  await member.getByRole('button', { name: 'チャットにつなぐ' }).click();
  await expect(member.getByText(/次にご案内します|あなたの前に/)).toBeVisible();

  // The staff tab's title and badge count it, with no reload.
  await expect(s).toHaveTitle(/^\(1\) お問い合わせ受信箱 \| /);
  await expect(s.locator('.desk-pulse')).toContainText('1');
  // Moving to another page of the desk is looking: the count starts again.
  await s.getByRole('link', { name: '管理画面', exact: true }).click();
  await expect(s).toHaveTitle(/^スタッフ管理画面 \| /);
  await expect(s.locator('.desk-pulse')).toHaveCount(0);
});
