import { expect, test } from '@playwright/test';
import { login, staff, uniqueEmail } from './helpers';
import { waitForMail } from './mail';
import { enrol } from './totp';

test('a supervisor invites an agent, who sets a password, sets up two-factor and works as an agent', async ({ browser }) => {
  const boss = await browser.newContext();
  const b = await boss.newPage();
  await login(b, staff.email, staff.password, '/admin');
  await b.getByRole('link', { name: 'スタッフ管理' }).click();
  await expect(b).toHaveTitle(/^スタッフ管理 \| /);
  // A typo is refused on the page, with the address kept.
  await b.getByLabel('メールアドレス').fill('not-an-address');
  await b.getByRole('button', { name: '招待メールを送る' }).click();
  await expect(b.locator('#invite-email-error')).not.toBeEmpty();
  await expect(b.getByLabel('メールアドレス')).toHaveValue('not-an-address');

  const email = uniqueEmail('agent');
  await b.getByLabel('メールアドレス').fill(email);
  await b.getByLabel('権限').selectOption('agent');
  await b.getByRole('button', { name: '招待メールを送る' }).click();
  await expect(b.getByRole('status').filter({ hasText: email })).toBeVisible();
  await expect(b.locator('.invitations li').filter({ hasText: email })).toBeVisible();

  // The invitation arrives through the real SMTP server.
  const mail = await waitForMail((m) => m.to.includes(email) && m.subject.includes('招待'));
  const link = mail.text.match(/https?:\/\/\S+\/account\/invite\?token=\S+/)?.[0];
  expect(link).toBeTruthy();
  const invitee = await browser.newContext();
  const page = await invitee.newPage();
  await page.goto(new URL(link!).pathname + new URL(link!).search);
  await expect(page.getByText(email)).toBeVisible();
  await page.getByLabel('表示名').fill('新人 エージェント');
  await page.getByLabel('パスワード').fill('invited-agent-password');
  await page.getByRole('button', { name: 'アカウントを作成する' }).click();
  // Two-factor comes first for staff, then the dashboard, without the supervisors' parts.
  await expect(page).toHaveURL(/\/admin\/two-factor$/);
  await enrol(page, email);
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: '管理画面' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'スタッフ管理' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: '臨時休業日' })).toHaveCount(0);
  await page.goto('/admin/staff');
  await expect(page.getByRole('alert')).toContainText('権限');

  // The supervisor sees the new agent on the list, and deactivates them: their page stops working.
  await b.reload();
  const row = b.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('エージェント');
  b.once('dialog', (d) => d.accept());
  await row.getByRole('button', { name: '無効にする' }).click();
  await expect(row).toContainText('無効');
  await page.goto('/admin/inquiries');
  await expect(page.getByRole('alert')).toBeVisible();

  // The audit log shows who invited and who deactivated whom.
  await b.goto('/admin');
  await b.getByRole('link', { name: '操作記録' }).click();
  await expect(b).toHaveTitle(/^操作記録/);
  await b.getByLabel('操作', { exact: true }).selectOption('staff_deactivate');
  await b.getByRole('button', { name: '表示' }).click();
  await expect(b.getByRole('row').filter({ hasText: 'スタッフ無効化' })).toHaveCount(1);
  await expect(b.getByRole('row').filter({ hasText: 'スタッフ招待' })).toHaveCount(0);
  await boss.close();
  await invitee.close();
});
