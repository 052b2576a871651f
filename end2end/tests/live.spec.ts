import { expect, test } from '@playwright/test';
import { registerMember, uniqueEmail } from './helpers';

/** The number in 「チャット受付中 · N 人待ち · …」 on a page showing the chat's live line. */
async function waiting(line: import('@playwright/test').Locator): Promise<number> {
  await expect(line).toContainText('人待ち');
  const text = (await line.textContent()) ?? '';
  return Number(/(\d+) 人待ち/.exec(text)?.[1] ?? NaN);
}

test('the corner shows the live queue: a member joining and leaving changes 「N 人待ち」 without a reload', async ({ browser }) => {
  const corner = await (await browser.newContext()).newPage();
  await corner.goto('/');
  const chatLine = corner.getByTestId('chat-live');
  // Chat and the mail desk are open at the pinned Wednesday noon; an inquiry sent now is
  // answered by Thursday noon.
  await expect(chatLine).toContainText('チャット受付中');
  await expect(corner.getByTestId('desk-live')).toContainText(/メール窓口 受付中 · 今送信すると回答予定 2026年11月26日\(木\) 12:0\d/);
  const before = await waiting(chatLine);

  const member = await (await browser.newContext()).newPage();
  await registerMember(member, uniqueEmail('live'), '行列 次郎');
  await member.goto('/chat');
  await expect(member.getByTestId('chat-live')).toContainText(`${before} 人待ち`);
  await member.getByRole('radio', { name: 'サイトの使い方' }).check();
  await member.getByRole('button', { name: 'チャットにつなぐ' }).click();
  await expect(member.getByText(/次にご案内します|あなたの前に/)).toBeVisible();

  await expect(chatLine).toContainText(`${before + 1} 人待ち`);
  await member.getByRole('button', { name: '待つのをやめる' }).click();
  await expect(chatLine).toContainText(`${before} 人待ち`);
});
