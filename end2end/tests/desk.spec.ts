import { expect, test } from '@playwright/test';
import { login, registerMember, staff, uniqueEmail } from './helpers';

test('a member joining the chat queue reaches a staff tab: title, badge, chime and desktop notification', async ({ browser }) => {
  const staffContext = await browser.newContext();
  await staffContext.grantPermissions(['notifications']);
  const s = await staffContext.newPage();
  // Record what the page asks of the browser's notification and audio APIs.
  await s.addInitScript(() => {
    const w = window as unknown as Record<string, any>;
    w.__notes = [] as string[];
    const Real = w.Notification;
    w.Notification = class extends Real {
      constructor(title: string, options?: { body?: string }) {
        super(title, options);
        w.__notes.push(options?.body ?? '');
      }
    };
    w.__tones = 0;
    const create = w.AudioContext.prototype.createOscillator;
    w.AudioContext.prototype.createOscillator = function () {
      w.__tones += 1;
      return create.call(this);
    };
  });
  // The tab's event socket says which page it shows as soon as it is open: that first frame is
  // the sign the tab will hear what follows (a fixed wait was a guess that a loaded CPU can beat).
  const deskOpen = new Promise<void>((resolve) =>
    s.on('websocket', (ws) => {
      if (ws.url().endsWith('/ws/desk')) ws.once('framesent', () => resolve());
    }),
  );
  await login(s, staff.email, staff.password, '/admin/inquiries');
  await expect(s.getByRole('heading', { name: 'お問い合わせ受信箱' })).toBeVisible();
  await expect(s).toHaveTitle(/^お問い合わせ受信箱 \| /);
  await expect(s.getByRole('checkbox', { name: '通知音' })).toBeChecked();
  await deskOpen;

  const member = await (await browser.newContext()).newPage();
  await registerMember(member, uniqueEmail('pulse'), '通知 太郎');
  await member.goto('/chat');
  await member.getByRole('radio', { name: 'サイトの使い方' }).check();
  await member.getByRole('button', { name: 'チャットにつなぐ' }).click();
  await expect(member.getByText(/次にご案内します|あなたの前に/)).toBeVisible();

  // The staff tab counts it with no reload, chimes and shows a desktop notification.
  await expect(s).toHaveTitle(/^\(1\) お問い合わせ受信箱 \| /);
  await expect(s.locator('.desk-pulse-count')).toContainText('1');
  await expect.poll(() => s.evaluate(() => (window as unknown as { __notes: string[] }).__notes)).toContain('チャットの待ち行列に会員が入りました。');
  await expect.poll(() => s.evaluate(() => (window as unknown as { __tones: number }).__tones)).toBeGreaterThan(0);

  // Moving to another page of the desk is looking: the count starts again.
  await s.getByRole('link', { name: '管理画面', exact: true }).click();
  await expect(s).toHaveTitle(/^スタッフ管理画面 \| /);
  await expect(s.locator('.desk-pulse-count')).toHaveCount(0);
  // The sound switch is remembered in this browser.
  await s.getByRole('checkbox', { name: '通知音' }).uncheck();
  await s.reload();
  await expect(s.getByRole('checkbox', { name: '通知音' })).not.toBeChecked();
  // Leave the queue as found: the next test files take the next member in line.
  await member.getByRole('button', { name: '待つのをやめる' }).click();
  await expect(member.getByRole('button', { name: '待つのをやめる' })).toHaveCount(0);
});
