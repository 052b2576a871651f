import { expect, test, type Browser, type Page } from '@playwright/test';
import { colleague, login, sendPointsInquiry as inquiry, staff } from './helpers';

async function desk(browser: Browser, reference: string, who = staff): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await login(page, who.email, who.password, '/admin/inquiries');
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByText('ポイントが付きません。')).toBeVisible();
  return page;
}

test('of two desks answering one inquiry, the later reply is refused with the new answer shown and its draft kept', async ({ browser }) => {
  const member = await (await browser.newContext()).newPage();
  const reference = await inquiry(member);
  const first = await desk(browser, reference);
  const second = await desk(browser, reference, colleague);

  // Each sees the other on the inquiry, and who is typing.
  await expect(first.locator('.who-else')).toContainText('スタッフ 高橋 さんもこのお問い合わせを開いています');
  await expect(second.locator('.who-else')).toContainText('スタッフ 佐藤 さんもこのお問い合わせを開いています');
  await second.getByRole('textbox', { name: '回答する' }).pressSequentially('確認中');
  await expect(first.locator('.who-else')).toContainText('スタッフ 高橋 さんが返信を入力中です…');
  await second.getByRole('textbox', { name: '回答する' }).fill('');

  await first.getByRole('textbox', { name: '回答する' }).fill('先に送る回答です。');
  await first.getByRole('button', { name: '回答を送信' }).click();
  await expect(first.locator('.thread')).toContainText('先に送る回答です。');

  await second.getByRole('textbox', { name: '回答する' }).fill('後から送る回答です。');
  await second.getByRole('button', { name: '回答を送信' }).click();
  await expect(second.getByRole('alert').filter({ hasText: '新しいメッセージ' })).toBeVisible();
  await expect(second.locator('.thread')).toContainText('先に送る回答です。');
  await expect(second.getByRole('textbox', { name: '回答する' })).toHaveValue('後から送る回答です。');
  await expect(second.locator('.thread')).not.toContainText('後から送る回答です。');

  // Sent again after reading, it goes out.
  await second.getByRole('button', { name: '回答を送信' }).click();
  await expect(second.locator('.thread')).toContainText('後から送る回答です。');

  // The colleague leaves: gone from the first desk within seconds.
  await second.context().close();
  await expect(first.locator('.who-else')).not.toContainText('スタッフ 高橋', { timeout: 15_000 });
});
