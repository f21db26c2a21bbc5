import { readFileSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import sharp from 'sharp';
import { choose, shot } from './helpers';

const PASSWORD = 'Demo-Pass-2026!';
const SELLER = 'catalog@demo-shop-1.sellercenter.dev';
const OPERATOR = 'operator@demo.sellercenter.dev';
const stamp = Date.now().toString(36).toUpperCase();

/** A valid EAN-13 unique to this run (barcodes are unique across the platform). */
function ean13(): string {
  const body = `20${String(Date.now()).slice(-10)}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** Signs in through the form, then makes English the user's language (the demo users have their own). */
async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const res = await page.request.patch('/api/auth/me', {
    data: { locale: 'en-US' },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(res.ok()).toBe(true);
}

async function newSignedInPage(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Plain-colour product photos, generated for the test (the server checks content and size). */
async function photos(dir: (name: string) => string) {
  const colours = ['#c62828', '#2e7d32', '#1565c0'];
  const files: string[] = [];
  for (const [i, colour] of colours.entries()) {
    const path = dir(`photo-${i + 1}.png`);
    await sharp({ create: { width: 800, height: 800, channels: 3, background: colour } })
      .png()
      .toFile(path);
    files.push(path);
  }
  return files;
}

/** Opens the review of a listing from the operators' queue (oldest first: load more until it shows). */
async function openReview(page: Page, title: string) {
  await page.goto('/platform/listings');
  const link = page.getByRole('link', { name: title });
  for (let i = 0; i < 20 && !(await link.isVisible()); i++) {
    const more = page.getByRole('button', { name: 'Load more' });
    if (await more.isVisible()) await more.click();
    else await page.waitForTimeout(500);
  }
  await link.click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

test('a seller lists a product with variants and images; the operator rejects, then approves it', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const title = `E2E cotton tee ${stamp}`;
  const images = await photos((name) => testInfo.outputPath(name));

  // The seller's catalog manager creates the product.
  await signIn(page, SELLER);
  await page.goto('/catalog/products');
  await expect(page.getByRole('heading', { name: 'Products' })).toBeVisible();
  await page.getByRole('button', { name: 'Create product' }).first().click();
  await expect(page.getByRole('heading', { name: 'New product' })).toBeVisible();

  await page.getByLabel('Category', { exact: true }).click();
  await page.keyboard.type('T-shirts');
  await page.locator('.ant-select-tree-node-content-wrapper[title="T-shirts"]').first().click();
  await expect(page.getByText('Clothing / Women / T-shirts').filter({ visible: true }).first()).toBeVisible();
  await page.getByLabel('Brand').fill('Silk Road');
  await page.getByRole('tab', { name: 'English' }).click();
  await page.getByLabel('Title en-US').fill(title);
  await page.getByLabel('Description en-US').fill('Soft combed cotton T-shirt with a crew neck.');
  await page.getByLabel('Material').fill('Cotton');

  const chooser = page.waitForEvent('filechooser');
  await page.getByText('Drop images here or click to choose').click();
  await (await chooser).setFiles(images);
  await expect(page.getByText('Images: 3 (required 3–8)')).toBeVisible();
  await expect(page.getByText('Main', { exact: true })).toBeVisible();

  await page.getByLabel('Variant options').click();
  await page
    .locator('.ant-select-dropdown:visible')
    .getByTitle(/^Colour/)
    .click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(/^Size/).click();
  await page.keyboard.press('Escape');
  await choose(page, 'Values of Colour', 'Red');
  await page.locator('.ant-select-dropdown:visible').getByTitle('Blue').click();
  await page.keyboard.press('Escape');
  await choose(page, 'Values of Size', 'M');
  await page.keyboard.press('Escape');
  await page.getByLabel('SKU code prefix').fill(`E2E${stamp}`);
  await page.getByRole('button', { name: /Generate SKUs/ }).click();
  const prices = page.getByRole('spinbutton', { name: 'List price, CNY' });
  await expect(prices).toHaveCount(2);
  await prices.nth(0).fill('99');
  await prices.nth(1).fill('99');
  // A wrong check digit is flagged while typing.
  const barcode = ean13();
  const wrong = `${barcode.slice(0, 12)}${(Number(barcode[12]) + 1) % 10}`;
  await page.getByLabel('Barcode').first().fill(wrong);
  await expect(page.getByText(`Wrong check digit: the last digit should be ${barcode[12]}`)).toBeVisible();
  await page.getByLabel('Barcode').first().fill(barcode);
  for (const box of await page.getByRole('checkbox', { name: 'Backorder' }).all()) await box.check();
  await shot(page, 'catalog-01-new-product');

  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(/\/catalog\/products\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Product created as a draft')).toBeVisible();
  const productUrl = new URL(page.url()).pathname;
  const productId = productUrl.split('/').at(-1) as string;
  await expect(page.getByText('Listing quality')).toBeVisible();

  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByText('Submitted for review')).toBeVisible();
  await expect(page.getByText('In review').first()).toBeVisible();
  await shot(page, 'catalog-02-submitted');

  // The operator rejects it with a reason from the list and a note.
  const operator = await newSignedInPage(browser, OPERATOR);
  await openReview(operator, title);
  await expect(operator.getByText('Images: 3 (required 3–8)')).toBeVisible();
  await shot(operator, 'catalog-03-review');
  await operator.keyboard.press('r');
  await expect(operator.getByRole('dialog', { name: 'Reject the listing' })).toBeVisible();
  await choose(operator, 'Reasons', /wrong category/);
  await operator.keyboard.press('Escape');
  await operator.getByLabel('Message to the seller').fill('Please add the Russian title.');
  await operator.getByRole('dialog').getByRole('button', { name: 'Reject' }).click();
  await expect(operator.getByText('Rejected; the seller is notified')).toBeVisible();

  // The seller sees why, fixes it and submits again.
  await page.goto(productUrl);
  await expect(page.getByText(/Rejected by the platform/)).toBeVisible();
  await expect(
    page.getByText('The product is in the wrong category', { exact: false }).first(),
  ).toBeVisible();
  await expect(page.getByText('Please add the Russian title.').first()).toBeVisible();
  await shot(page, 'catalog-04-rejected');
  await page.getByRole('tab', { name: 'Russian' }).click();
  await page.getByLabel('Title ru-RU').fill(`Хлопковая футболка ${stamp}`);
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByText('Submitted for review')).toBeVisible();

  // The operator approves the new submission (keyboard: A, then confirm).
  await openReview(operator, title);
  await expect(operator.getByText('Earlier decisions')).toBeVisible();
  await expect(operator.getByText('Rejected').first()).toBeVisible();
  await operator.keyboard.press('a');
  await operator.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
  await expect(operator.getByText('Approved', { exact: true }).first()).toBeVisible();

  // The seller's product is on sale, and buyers find it.
  await page.reload();
  await expect(page.getByText('On sale').first()).toBeVisible();
  await expect(page.getByText('Review history')).toBeVisible();
  await shot(page, 'catalog-05-on-sale');
  await expect
    .poll(
      async () => {
        const res = await page.request.get(`/api/v1/store/products?q=${encodeURIComponent(stamp)}`);
        const body = (await res.json()) as { items?: { productId: string }[] };
        return body.items?.some((i) => i.productId === productId) ?? false;
      },
      { timeout: 20_000, message: 'the approved product in storefront search' },
    )
    .toBe(true);
});

test('a bulk import with bad rows shows progress and an error file', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, SELLER);
  await page.goto('/catalog/imports');
  await expect(page.getByRole('heading', { name: 'Bulk import' })).toBeVisible();
  await page.getByLabel('Category', { exact: true }).click();
  await page.keyboard.type('T-shirts');
  await page.locator('.ant-select-tree-node-content-wrapper[title="T-shirts"]').first().click();

  // The template of the category gives the columns.
  const templateDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV template' }).click();
  const template = await templateDownload;
  const header = readFileSync(await template.path(), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)[0] as string;
  // The catalog manager may not change stock (inventory:read only): the stock column goes.
  const columns = header.split(',').filter((c) => c !== 'stock');
  expect(columns).toContain('sku_code');
  const line = (values: Record<string, string>) => columns.map((c) => values[c] ?? '').join(',');
  const base = (key: string, code: string) => ({
    product_key: key,
    'title.en-US': `Imported tee ${stamp} ${key}`,
    'description.en-US': 'Imported from a spreadsheet.',
    brand: 'E2E',
    'attr.colour': 'red',
    'attr.size': 'M',
    'attr.material': 'Cotton',
    sku_code: code,
    list_price: '59.90',
  });
  const csv = [
    columns.join(','),
    line(base('A', `IMP${stamp}-A1`)),
    line({ ...base('A', `IMP${stamp}-A2`), 'attr.colour': 'blue' }),
    line({ ...base('B', `IMP${stamp}-B1`), list_price: 'abc' }),
    line({ ...base('C', `IMP${stamp}-C1`), barcode: '4006381333932' }),
    line({ ...base('D', `IMP${stamp}-D1`), 'attr.colour': 'purple-ish' }),
  ].join('\n');

  const chooser = page.waitForEvent('filechooser');
  await page.getByText('Drop the XLSX or CSV file here or click to choose').click();
  await (await chooser).setFiles({
    name: `tees-${stamp}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(`${csv}\n`),
  });
  await expect(page.getByRole('radio', { name: /Import valid rows/ })).toBeChecked();
  await page.getByRole('button', { name: 'Start import' }).click();

  // Progress is polled until every row is done.
  await expect(page).toHaveURL(/\/catalog\/imports\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: `tees-${stamp}.csv` })).toBeVisible();
  await expect(page.getByText('Rows processed: 5 of 5')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Finished', { exact: true })).toBeVisible();
  const stat = (name: string) =>
    page.locator('.ant-statistic').filter({ hasText: name }).locator('.ant-statistic-content');
  await expect(stat('Created')).toHaveText('2');
  await expect(stat('Failed')).toHaveText('3');
  await shot(page, 'catalog-06-import-done');

  // The error file has the bad rows with their line numbers and problems.
  const errorsDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download error file (CSV)' }).click();
  const errors = readFileSync(await (await errorsDownload).path(), 'utf8');
  const rows = errors
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(rows[0]).toContain('problems');
  expect(rows).toHaveLength(4);
  expect(errors).toContain(`IMP${stamp}-B1`);
  expect(errors).toContain('is not a price');
  expect(errors).toContain(`IMP${stamp}-C1`);
  expect(errors).toContain('check digit');
  expect(errors).toContain('purple-ish');
  expect(errors).not.toContain(`IMP${stamp}-A1`);

  // The valid product is in the product list as a draft.
  await page.getByRole('link', { name: 'Back to imports' }).click();
  await expect(page.getByRole('link', { name: `tees-${stamp}.csv` })).toBeVisible();
  await page.goto(`/catalog/products?q=${encodeURIComponent(`Imported tee ${stamp}`)}`);
  await expect(page.getByRole('link', { name: `Imported tee ${stamp} A` })).toBeVisible();
});
