import { expect, test } from '@playwright/test';
import { login, registerMember, staff, uniqueEmail } from './helpers';

// The e2e server's clock is pinned to Wednesday 2026-11-25 12:00 JST: chat is open.

test('members queue with their place in line, staff take them and they chat both ways', async ({ browser }) => {
  // Staff come online first.
  const s = await (await browser.newContext()).newPage();
  await login(s, staff.email, staff.password, '/admin/chat');
  await expect(s.getByRole('heading', { name: 'チャット対応' })).toBeVisible();
  const available = s.getByRole('checkbox', { name: '対応可能' });
  if (!(await available.isChecked())) await available.check();

  const first = await (await browser.newContext()).newPage();
  await registerMember(first, uniqueEmail('chat1'), 'チャット 一番');
  await first.getByRole('region', { name: 'カスタマーサービスコーナー' }).getByRole('link', { name: /チャットを利用する/ }).click();
  await first.getByRole('radio', { name: 'サイトの使い方' }).check();
  await first.getByRole('button', { name: 'チャットにつなぐ' }).click();
  await expect(first.getByText('次にご案内します。')).toBeVisible();

  const second = await (await browser.newContext()).newPage();
  await registerMember(second, uniqueEmail('chat2'), 'チャット 二番');
  await second.goto('/chat');
  await second.getByRole('radio', { name: 'ポイント交換' }).check();
  await second.getByRole('button', { name: 'チャットにつなぐ' }).click();
  await expect(second.getByText('あなたの前に 1 人')).toBeVisible();
  // A reload keeps the place.
  await second.reload();
  await expect(second.getByText('あなたの前に 1 人')).toBeVisible();

  await expect(s.getByRole('listitem').filter({ hasText: 'チャット 一番' })).toBeVisible();
  await s.getByRole('button', { name: '次の方を対応する' }).click();
  await expect(second.getByText('次にご案内します。')).toBeVisible();
  await expect(first.getByText(/担当: スタッフ 佐藤/)).toBeVisible();

  const staffPanel = s.getByRole('region', { name: /チャット 一番/ });
  await first.getByRole('textbox', { name: 'メッセージ' }).fill('ポイント交換のやり方を教えてください');
  await first.getByRole('button', { name: '送信' }).click();
  await expect(staffPanel.getByText('ポイント交換のやり方を教えてください')).toBeVisible();
  await staffPanel.getByRole('textbox', { name: 'メッセージ' }).fill('交換ページからお手続きいただけます。');
  await staffPanel.getByRole('button', { name: '送信' }).click();
  await expect(first.getByText('交換ページからお手続きいただけます。')).toBeVisible();

  await staffPanel.getByRole('button', { name: 'チャットを終了する' }).click();
  await expect(first.getByText('チャットは終了しました。ご利用ありがとうございました。')).toBeVisible();

  // The second member gives up waiting and leaves the queue.
  await second.getByRole('button', { name: '待つのをやめる' }).click();
  await expect(second.getByText('チャットの待機をやめました。')).toBeVisible();
  await expect(s.getByRole('listitem').filter({ hasText: 'チャット 二番' })).toHaveCount(0);
});

test('a topic for the contact form leads to the wizard with its category chosen', async ({ page }) => {
  await registerMember(page, uniqueEmail('routed'), '振り分け 花子');
  await page.goto('/chat');
  await page.getByRole('radio', { name: /ポイントが付与されない/ }).check();
  await expect(page.getByText('このご相談はお問い合わせフォームで承ります。')).toBeVisible();
  await expect(page.getByRole('button', { name: 'チャットにつなぐ' })).toHaveCount(0);
  await page.getByRole('link', { name: 'お問い合わせフォームへ進む' }).click();
  await expect(page.getByText(/通常30〜90日ほどかかります/)).toBeVisible();
});

test('a phone is told chat is for PCs', async ({ browser }) => {
  const phone = await browser.newContext({
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await phone.newPage();
  await registerMember(page, uniqueEmail('phone'), '携帯 太郎');
  await page.goto('/chat');
  await expect(page.getByText(/チャットはパソコンからのみご利用いただけます/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'お問い合わせ' }).last()).toBeVisible();
});

test('on a closure day the chat shows it is closed and when it opens next', async ({ browser }) => {
  const s = await (await browser.newContext()).newPage();
  await login(s, staff.email, staff.password, '/admin');
  await s.getByLabel('日付').fill('2026-11-25');
  await s.getByLabel('メモ').fill('臨時休業');
  await s.getByRole('button', { name: '追加' }).click();
  await expect(s.getByRole('listitem').filter({ hasText: '臨時休業' })).toBeVisible();

  const page = await (await browser.newContext()).newPage();
  await registerMember(page, uniqueEmail('closed'), '休業 花子');
  await page.goto('/chat');
  await expect(page.getByText('現在はチャットの受付時間外です。')).toBeVisible();
  await expect(page.locator('.card.closed').getByText('2026年11月26日(木) 11:00')).toBeVisible();
  // The live line says so too.
  await expect(page.getByTestId('chat-live')).toContainText('チャット受付時間外');

  await s.getByRole('listitem').filter({ hasText: '臨時休業' }).getByRole('button', { name: '削除' }).click();
  await expect(s.getByRole('listitem').filter({ hasText: '臨時休業' })).toHaveCount(0);
});
