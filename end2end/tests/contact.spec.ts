import { expect, test } from '@playwright/test';
import { login, registerMember, staff, uniqueEmail } from './helpers';
import { waitForMail } from './mail';

const ACK = '[Madoguchi] お問い合わせ受付完了メール';

test('a member walks the five steps, staff reply from the inbox, and the member reads the reply', async ({ browser }) => {
  const memberContext = await browser.newContext();
  const page = await memberContext.newPage();
  const email = uniqueEmail('wizard');
  await registerMember(page, email, '窓口 花子');

  // 1. Category
  await page.getByRole('region', { name: 'カスタマーサービスコーナー' }).getByRole('link', { name: /お問い合わせ/ }).click();
  await expect(page.getByRole('heading', { name: 'お問い合わせ', level: 1 })).toBeVisible();
  await page.getByRole('radio', { name: /ポイント獲得について/ }).check();
  await page.getByRole('button', { name: '次へ' }).click();

  // 2. Notices and consent
  await expect(page.getByText(/通常30〜90日ほどかかります/)).toBeVisible();
  const toForm = page.getByRole('button', { name: 'お問い合わせフォームへ' });
  await expect(toForm).toBeDisabled();
  await page.getByRole('checkbox', { name: /個人情報の取り扱いについて/ }).check();
  await expect(toForm).toBeDisabled();
  await page.getByRole('checkbox', { name: /利用規約/ }).check();
  await expect(toForm).toBeEnabled();
  await toForm.click();

  // 3. Fields, validated as the member types
  await page.getByLabel(/ショップ・広告主名/).fill('じゃらん');
  await page.getByLabel(/ご利用日/).fill('2026-10-01');
  await page.getByLabel(/ご利用金額/).fill('12800円くらい');
  await page.getByLabel(/ご利用金額/).blur();
  await expect(page.getByText('数字で入力してください。')).toBeVisible();
  await page.getByLabel(/ご利用金額/).fill('12,800');
  await expect(page.getByText('数字で入力してください。')).toHaveCount(0);
  await page.getByLabel(/現在の通帳の状態/).selectOption({ label: '通帳に記載がない' });
  await page.getByLabel(/お問い合わせ内容/).fill('10月1日に予約したホテルのポイントが\n通帳に記載されません。');
  await expect(page.getByText('31 / 2000')).toBeVisible();

  // A reload in the middle loses nothing.
  await page.reload();
  await expect(page.getByText('前回入力途中の内容を復元しました。')).toBeVisible();
  await expect(page.getByLabel(/ショップ・広告主名/)).toHaveValue('じゃらん');
  await expect(page.getByLabel(/ご利用金額/)).toHaveValue('12,800');
  await page.getByRole('button', { name: '確認画面へ' }).click();

  // 4. Confirm, back, and forward again with every value intact
  await expect(page.getByRole('heading', { name: '入力内容の確認' })).toBeVisible();
  await expect(page.getByText('12,800円')).toBeVisible();
  await page.getByRole('button', { name: '戻る' }).click();
  await expect(page.getByLabel(/ショップ・広告主名/)).toHaveValue('じゃらん');
  await expect(page.getByLabel(/ご利用日/)).toHaveValue('2026-10-01');
  await expect(page.getByLabel(/現在の通帳の状態/)).toHaveValue('not_shown');
  await page.getByRole('button', { name: '確認画面へ' }).click();
  // The answer date is shown before sending, as the live conditions compute it.
  await expect(page.getByTestId('reply-by')).toHaveText(/今送信すると、次の日時までに回答します: 2026年11月26日\(木\) 12:0\d/);
  await page.getByRole('button', { name: '送信する' }).click();

  // 5. Done: reference and the reply date from the business calendar (clock pinned to
  // Wednesday 2026-11-25 12:00 JST → Thursday 12:00).
  await expect(page.getByRole('heading', { name: 'お問い合わせを受け付けました' })).toBeVisible();
  const reference = (await page.locator('.reference').textContent())!.trim();
  expect(reference).toMatch(/^MDG-20261125-\d{4,}$/);
  await expect(page.locator('.due')).toHaveText(/2026年11月26日\(木\) 12:0\d/);

  const ack = await waitForMail((m) => m.subject === ACK && m.to.includes(email));
  expect(ack.text).toContain(reference);
  expect(ack.text).toContain('じゃらん');

  // Staff, in a second browser, answer from the inbox.
  const staffContext = await browser.newContext();
  const staffPage = await staffContext.newPage();
  await login(staffPage, staff.email, staff.password, '/admin/inquiries');
  await expect(staffPage.getByRole('heading', { name: 'お問い合わせ受信箱' })).toBeVisible();
  await staffPage.getByRole('link', { name: reference }).click();
  await expect(staffPage.getByText('10月1日に予約したホテルのポイントが')).toBeVisible();
  await staffPage.getByRole('button', { name: '自分に割り当てる' }).click();
  await expect(staffPage.locator('.staff-bar')).toContainText('スタッフ 佐藤');
  await staffPage.getByLabel('メモを追加').fill('広告主へ照会済み');
  await staffPage.getByRole('button', { name: 'メモを追加' }).click();
  await expect(staffPage.getByText('広告主へ照会済み')).toBeVisible();
  await staffPage.getByRole('textbox', { name: '回答する' }).fill('確認の結果、ポイントを付与いたしました。');
  await staffPage.getByRole('button', { name: '回答を送信' }).click();
  await expect(staffPage.locator('.thread')).toContainText('確認の結果、ポイントを付与いたしました。');

  const replyMail = await waitForMail((m) => m.subject.includes('ご回答') && m.to.includes(email));
  expect(replyMail.text).toContain('ポイントを付与いたしました');

  // The member sees the reply in their history, and never the internal note.
  await page.getByRole('link', { name: 'お問い合わせ履歴' }).first().click();
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByText('確認の結果、ポイントを付与いたしました。')).toBeVisible();
  await expect(page.getByText('回答済み')).toBeVisible();
  await expect(page.getByText('広告主へ照会済み')).toHaveCount(0);

  await staffContext.close();
  await memberContext.close();
});

test('a visitor logs in from the contact page and comes back to the wizard with the category chosen', async ({ page }) => {
  const email = uniqueEmail('visitor');
  await registerMember(page, email, '訪問 太郎');
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await expect(page.getByRole('link', { name: 'ログイン' })).toBeVisible();
  await page.goto('/contact?category=account');
  await page.getByRole('main').getByRole('link', { name: 'ログイン' }).click();
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill('とても長いパスワード');
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByText(/マイページの「登録情報の変更」/)).toBeVisible();
});
