import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { chatDesk, fillPointsInquiry, login, registerMember, staff, uniqueEmail } from './helpers';

// A real 1×1 PNG; the server decodes and re-encodes it like any screenshot.
const PNG_B64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const png = (name: string) => ({ name, mimeType: 'image/png', buffer: Buffer.from(PNG_B64, 'base64') });

async function openInquiryAsStaff(page: Page, reference: string) {
  await login(page, staff.email, staff.password, '/admin/inquiries');
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { name: reference })).toBeVisible();
}

test('a member attaches a screenshot in the wizard, sees it on the confirm step and in history, and staff open it', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await registerMember(page, uniqueEmail('attach'), '添付 花子');
  await fillPointsInquiry(page);
  await page.getByLabel(/お問い合わせ内容/).fill('注文確認画面を添付します。');

  const picker = page.getByLabel(/ファイルを添付/);
  // A page that only calls itself .png is refused by its bytes, with what is accepted; nothing typed is lost.
  await picker.setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
  await expect(page.getByRole('alert').filter({ hasText: 'PNG・JPEG・WebP・GIF の画像と PDF だけです' })).toBeVisible();
  await expect(page.getByLabel(/お問い合わせ内容/)).toHaveValue('注文確認画面を添付します。');
  await picker.setInputFiles(png('注文確認画面.png'));
  await expect(page.locator('.attach img[alt="注文確認画面.png"]')).toBeVisible();
  // The draft keeps the file across a reload.
  await page.reload();
  await expect(page.locator('.attach img[alt="注文確認画面.png"]')).toBeVisible();
  await page.getByRole('button', { name: '確認画面へ' }).click();

  await expect(page.getByRole('heading', { name: '入力内容の確認' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '添付ファイル' })).toBeVisible();
  await expect(page.locator('img[alt="注文確認画面.png"]')).toBeVisible();
  await page.getByRole('button', { name: '送信する' }).click();
  const reference = (await page.locator('.reference').textContent())!.trim();

  await page.goto('/contact/history');
  await page.getByRole('link', { name: reference }).click();
  const mine = page.locator('img[alt="注文確認画面.png"]');
  await expect(mine).toBeVisible();
  // The thumbnail really loaded (an image, not an error page).
  expect(await mine.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  const desk = await (await browser.newContext()).newPage();
  await openInquiryAsStaff(desk, reference);
  const thumb = desk.locator('img[alt="注文確認画面.png"]');
  await expect(thumb).toBeVisible();
  const [full] = await Promise.all([desk.waitForEvent('popup'), thumb.click()]);
  await full.waitForLoadState();
  expect(full.url()).toMatch(/\/files\/[A-Za-z0-9_-]{22}$/);
  const served = await desk.request.get(full.url());
  expect(served.headers()['content-type']).toBe('image/png');
  expect(served.headers()['x-content-type-options']).toBe('nosniff');

  // Someone else gets nothing at that address.
  const other = await (await browser.newContext()).newPage();
  await registerMember(other, uniqueEmail('other'), '別の 会員');
  expect((await other.request.get(full.url())).status()).toBe(404);
  for (const p of [page, desk, other]) await p.context().close();
});

test('on a slow line an upload shows how far it has gone, can be stopped, and then finishes', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await registerMember(page, uniqueEmail('slow'), '回線 遅子');
  await fillPointsInquiry(page);
  // A line sending 256 KB a second (Chromium's own throttling, as DevTools offers it).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
  const pdf = (name: string, size: number) => ({
    name,
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(size)]),
  });
  const picker = page.getByLabel(/ファイルを添付/);

  await picker.setInputFiles(pdf('明細書.pdf', 2_000_000));
  const bar = page.getByRole('progressbar', { name: 'アップロード中' });
  await expect(bar).toBeVisible();
  // Part of the file has gone up, not all of it.
  await expect
    .poll(async () => {
      const sent = Number(await bar.getAttribute('value'));
      return sent > 0 && sent < 100;
    })
    .toBe(true);
  await expect(page.locator('.uploads')).toContainText(/アップロード中… \d+%/);
  // Stopped: no bar, no file, no error, and the message is untouched.
  await page.getByRole('button', { name: '中止' }).click();
  await expect(bar).toHaveCount(0);
  await expect(page.locator('.attach .file-doc')).toHaveCount(0);
  await expect(page.locator('.attach [role="alert"]')).toHaveCount(0);
  await expect(page.getByLabel(/お問い合わせ内容/)).toHaveValue('ポイントが付きません。');

  // A smaller one goes all the way and is attached.
  await picker.setInputFiles(pdf('領収書.pdf', 400_000));
  await expect(page.getByRole('progressbar', { name: 'アップロード中' })).toBeVisible();
  await expect(page.locator('.attach .file-doc').filter({ hasText: '領収書.pdf' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await page.context().close();
});

test('a member pastes a screenshot into chat and staff see it', async ({ browser }) => {
  const s = await chatDesk(browser);

  const m = await (await browser.newContext()).newPage();
  await registerMember(m, uniqueEmail('paste'), '貼り付け 太郎');
  await m.goto('/chat');
  await m.getByRole('radio', { name: 'サイトの使い方' }).check();
  await m.getByRole('button', { name: 'チャットにつなぐ' }).click();
  await expect(s.getByRole('listitem').filter({ hasText: '貼り付け 太郎' })).toBeVisible();
  await s.getByRole('button', { name: '次の方を対応する' }).click();
  await expect(m.getByText(/担当: スタッフ 佐藤/)).toBeVisible();

  // The clipboard holds a screenshot: pasting it into the message box attaches it.
  const box = m.getByRole('textbox', { name: 'メッセージ' });
  await box.evaluate((el, b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, PNG_B64);
  await expect(m.locator('.attach img[alt="image.png"]')).toBeVisible();
  await box.fill('エラー画面です');
  await m.getByRole('button', { name: '送信' }).click();

  const panel = s.getByRole('region', { name: /貼り付け 太郎/ });
  await expect(panel.getByText('エラー画面です')).toBeVisible();
  const seen = panel.locator('.chat-log img[alt="image.png"]');
  await expect(seen).toBeVisible();
  await expect.poll(() => seen.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(m.locator('.chat-log img[alt="image.png"]')).toBeVisible();

  // Leave the queue as found.
  await panel.getByRole('button', { name: 'チャットを終了する' }).click();
  await expect(m.getByText('チャットは終了しました。ご利用ありがとうございました。')).toBeVisible();
  // A staff console left open keeps a socket on every chat staff take later (three per chat at most).
  await s.context().close();
  await m.context().close();
});
