// Word lists and rules that the demo seed builds its products from: real-looking titles in zh-CN,
// en-US and ru-RU, descriptions, attribute values valid for the demo categories (server/domains/
// platform/demo-catalog.ts) and variant option combinations. Deterministic: everything comes from
// a seeded random generator, so every run of the seed builds the same catalogue.

export interface T3 {
  zh: string;
  en: string;
  ru: string;
}

type AttributeValue = string | number | boolean | string[];

/** A small deterministic random generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
export const between = (r: () => number, min: number, max: number) => min + Math.floor(r() * (max - min + 1));

/** Distinct items, in list order. */
function pickSome<T>(r: () => number, list: readonly T[], count: number): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, list.length)) chosen.add(Math.floor(r() * list.length));
  return [...chosen].sort((a, b) => a - b).map((i) => list[i] as T);
}

export const COLOURS: { value: string; code: string; t: T3 }[] = [
  { value: 'black', code: 'BLK', t: { zh: '黑色', en: 'black', ru: 'чёрный' } },
  { value: 'white', code: 'WHT', t: { zh: '白色', en: 'white', ru: 'белый' } },
  { value: 'grey', code: 'GRY', t: { zh: '灰色', en: 'grey', ru: 'серый' } },
  { value: 'red', code: 'RED', t: { zh: '红色', en: 'red', ru: 'красный' } },
  { value: 'pink', code: 'PNK', t: { zh: '粉色', en: 'pink', ru: 'розовый' } },
  { value: 'blue', code: 'BLU', t: { zh: '蓝色', en: 'blue', ru: 'синий' } },
  { value: 'navy', code: 'NVY', t: { zh: '藏青色', en: 'navy', ru: 'тёмно-синий' } },
  { value: 'green', code: 'GRN', t: { zh: '绿色', en: 'green', ru: 'зелёный' } },
  { value: 'beige', code: 'BEI', t: { zh: '米色', en: 'beige', ru: 'бежевый' } },
  { value: 'silver', code: 'SLV', t: { zh: '银色', en: 'silver', ru: 'серебристый' } },
];
const colourCode = (value: string) => COLOURS.find((c) => c.value === value)?.code ?? value.toUpperCase();

const SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const WAISTS = ['26', '27', '28', '29', '30', '31', '32', '33', '34', '36'];

/** A SKU-to-be: its option values and the suffix of its code. */
export interface Variant {
  options: Record<string, string>;
  code: string;
}

/** Colour × size combinations (1–6 SKUs). */
function colourBySize(
  r: () => number,
  sizes: readonly string[],
  sizeKey: string,
  colours: readonly string[],
) {
  const colourCount = between(r, 1, 2);
  const sizeCount = between(r, 1, 3);
  const cs = pickSome(r, colours, colourCount);
  const start = between(r, 0, Math.max(0, sizes.length - sizeCount));
  const ss = sizes.slice(start, start + sizeCount);
  const out: Variant[] = [];
  for (const c of cs)
    for (const s of ss) out.push({ options: { colour: c, [sizeKey]: s }, code: `${colourCode(c)}-${s}` });
  return out;
}

/** One axis only: colour (1–3 SKUs). */
function byColour(r: () => number, colours: readonly string[], max = 3): Variant[] {
  return pickSome(r, colours, between(r, 1, max)).map((c) => ({
    options: { colour: c },
    code: colourCode(c),
  }));
}

export interface CategorySpec {
  slug: string;
  /** Short code in SKU codes. */
  code: string;
  /** Templates with {a} and {b}. */
  title: T3;
  a: T3[];
  b: T3[];
  description: T3;
  keywords: T3;
  brands: string[];
  /** Base list price range in CNY, whole yuan. */
  priceCny: [number, number];
  weightGrams: [number, number];
  box: [number, number, number];
  attributes(r: () => number): Record<string, AttributeValue>;
  variants(r: () => number): Variant[];
  /** A compliance document type the category requires (linked from the seller's documents). */
  document?:
    | 'cosmetics_safety_certificate'
    | 'eac_declaration'
    | 'food_safety_certificate'
    | 'rzn_registration';
}

const FABRICS = {
  cotton: { t: { zh: '纯棉', en: 'cotton', ru: 'из хлопка' }, label: '100% cotton' },
  modal: { t: { zh: '莫代尔', en: 'modal', ru: 'из модала' }, label: '95% modal, 5% elastane' },
  linen: { t: { zh: '亚麻', en: 'linen', ru: 'из льна' }, label: '100% linen' },
  silk: { t: { zh: '真丝', en: 'silk', ru: 'из шёлка' }, label: '100% mulberry silk' },
  chiffon: { t: { zh: '雪纺', en: 'chiffon', ru: 'из шифона' }, label: '100% polyester chiffon' },
  denim: {
    t: { zh: '弹力牛仔', en: 'stretch denim', ru: 'из эластичного денима' },
    label: '98% cotton, 2% elastane',
  },
  rigid: { t: { zh: '纯棉牛仔', en: 'rigid denim', ru: 'из плотного денима' }, label: '100% cotton denim' },
};

const CLOTHING_DESCRIPTION: T3 = {
  zh: '{title}。面料柔软亲肤、透气舒适，做工精细，版型经典百搭，适合日常通勤与休闲穿着。建议30°C以下机洗，不可漂白。',
  en: '{title}. Soft, breathable fabric with careful finishing and a classic fit that works for the office and weekends alike. Machine wash at 30 °C, do not bleach.',
  ru: '{title}. Мягкая дышащая ткань, аккуратная обработка швов и классический крой — подходит и для офиса, и для выходных. Машинная стирка при 30 °C, не отбеливать.',
};

const teeSpec = (slug: string, code: string, who: T3): CategorySpec => ({
  slug,
  code,
  title: { zh: `${who.zh}{a}{b}T恤`, en: `${who.en} {a} {b} T-shirt`, ru: `${who.ru} футболка {a} {b}` },
  a: [FABRICS.cotton.t, FABRICS.modal.t, FABRICS.linen.t],
  b: [
    { zh: '圆领', en: 'crew-neck', ru: 'с круглым вырезом' },
    { zh: 'V领', en: 'V-neck', ru: 'с V-образным вырезом' },
    { zh: '宽松', en: 'oversized', ru: 'свободного кроя' },
    { zh: '修身', en: 'slim-fit', ru: 'приталенного кроя' },
    { zh: '印花', en: 'printed', ru: 'с принтом' },
  ],
  description: CLOTHING_DESCRIPTION,
  keywords: { zh: 'T恤 短袖 上衣 夏季', en: 'tee, t-shirt, top, summer', ru: 'футболка, топ, лето' },
  brands: ['Silk Road Basics', 'Nordwind', 'Urban Cotton'],
  priceCny: [49, 159],
  weightGrams: [150, 260],
  box: [300, 220, 30],
  attributes: (r) => ({
    material: pick(r, [FABRICS.cotton.label, FABRICS.modal.label, FABRICS.linen.label]),
    sleeve_length: pick(r, ['short', 'short', 'long', 'sleeveless']),
  }),
  variants: (r) =>
    colourBySize(r, SIZES, 'size', ['black', 'white', 'grey', 'navy', 'beige', 'pink', 'green']),
});

const jeansSpec = (slug: string, code: string, who: T3): CategorySpec => ({
  slug,
  code,
  title: { zh: `${who.zh}{a}{b}牛仔裤`, en: `${who.en} {a} {b} jeans`, ru: `${who.ru} джинсы {b} {a}` },
  a: [FABRICS.denim.t, FABRICS.rigid.t],
  b: [
    { zh: '高腰', en: 'high-rise', ru: 'с высокой посадкой' },
    { zh: '直筒', en: 'straight-leg', ru: 'прямого кроя' },
    { zh: '阔腿', en: 'wide-leg', ru: 'широкого кроя' },
    { zh: '修身小脚', en: 'skinny', ru: 'зауженного кроя' },
    { zh: '复古水洗', en: 'vintage wash', ru: 'винтажной стирки' },
  ],
  description: CLOTHING_DESCRIPTION,
  keywords: { zh: '牛仔裤 长裤 秋冬', en: 'jeans, denim, trousers', ru: 'джинсы, деним, брюки' },
  brands: ['Nordwind', 'Denim Lab', 'Северный ветер'],
  priceCny: [129, 399],
  weightGrams: [450, 750],
  box: [350, 250, 50],
  attributes: (r) => ({ material: pick(r, [FABRICS.denim.label, FABRICS.rigid.label]) }),
  variants: (r) => colourBySize(r, WAISTS, 'waist_size', ['blue', 'navy', 'black', 'grey']),
});

const CATEGORIES: CategorySpec[] = [
  teeSpec('women-t-shirts', 'WT', { zh: '女士', en: "Women's", ru: 'Женская' }),
  teeSpec('men-t-shirts', 'MT', { zh: '男士', en: "Men's", ru: 'Мужская' }),
  jeansSpec('women-jeans', 'WJ', { zh: '女士', en: "Women's", ru: 'Женские' }),
  jeansSpec('men-jeans', 'MJ', { zh: '男士', en: "Men's", ru: 'Мужские' }),
  {
    slug: 'women-dresses',
    code: 'DR',
    title: { zh: '{a}{b}连衣裙', en: '{a} {b} dress', ru: 'Платье {a} {b}' },
    a: [FABRICS.silk.t, FABRICS.chiffon.t, FABRICS.linen.t, FABRICS.cotton.t],
    b: [
      { zh: 'A字', en: 'A-line', ru: 'А-силуэта' },
      { zh: '中长款', en: 'midi', ru: 'длины миди' },
      { zh: '裹身', en: 'wrap', ru: 'на запах' },
      { zh: '碎花', en: 'floral', ru: 'с цветочным принтом' },
      { zh: '长款', en: 'maxi', ru: 'длины макси' },
    ],
    description: CLOTHING_DESCRIPTION,
    keywords: { zh: '连衣裙 裙子 女装', en: 'dress, women, summer dress', ru: 'платье, женское, летнее' },
    brands: ['Silk Road Home', 'Hangzhou Silk', 'Lotus'],
    priceCny: [159, 699],
    weightGrams: [180, 420],
    box: [320, 240, 40],
    attributes: (r) => ({
      material: pick(r, [FABRICS.silk.label, FABRICS.chiffon.label, FABRICS.linen.label]),
    }),
    variants: (r) =>
      colourBySize(r, SIZES, 'size', ['red', 'pink', 'blue', 'green', 'beige', 'black', 'white']),
  },
  {
    slug: 'skin-care',
    code: 'SK',
    title: { zh: '{a}{b}', en: '{a} {b}', ru: '{b} {a}' },
    a: [
      { zh: '玻尿酸', en: 'Hyaluronic acid', ru: 'с гиалуроновой кислотой' },
      { zh: '烟酰胺', en: 'Niacinamide', ru: 'с ниацинамидом' },
      { zh: '维C', en: 'Vitamin C', ru: 'с витамином C' },
      { zh: '积雪草', en: 'Centella', ru: 'с центеллой азиатской' },
      { zh: '神经酰胺', en: 'Ceramide', ru: 'с керамидами' },
    ],
    b: [
      { zh: '保湿面霜', en: 'moisturising face cream', ru: 'Увлажняющий крем для лица' },
      { zh: '精华液', en: 'face serum', ru: 'Сыворотка для лица' },
      { zh: '爽肤水', en: 'toner', ru: 'Тоник для лица' },
      { zh: '洁面乳', en: 'gentle cleanser', ru: 'Пенка для умывания' },
      { zh: '眼霜', en: 'eye cream', ru: 'Крем для кожи вокруг глаз' },
    ],
    description: {
      zh: '{title}。温和配方，不含酒精与香精，经皮肤科测试，适合日常护肤。早晚洁面后取适量均匀涂抹于面部。',
      en: '{title}. A gentle, alcohol- and fragrance-free formula, dermatologically tested for everyday care. Apply morning and evening to clean skin.',
      ru: '{title}. Мягкая формула без спирта и отдушек, протестирована дерматологами. Наносите утром и вечером на очищенную кожу.',
    },
    keywords: {
      zh: '护肤 保湿 补水',
      en: 'skin care, moisturiser, hydration',
      ru: 'уход за кожей, увлажнение',
    },
    brands: ['Lotus Lab', 'Jade Spring', 'Pure Dew'],
    priceCny: [69, 329],
    weightGrams: [80, 260],
    box: [120, 80, 60],
    attributes: (r) => ({
      volume: pick(r, [15, 30, 50, 100, 150, 200]),
      shelf_life: pick(r, [24, 30, 36]),
      skin_type: pickSome(r, ['normal', 'dry', 'oily', 'combination', 'sensitive'], between(r, 1, 3)),
    }),
    variants: () => [{ options: {}, code: 'STD' }],
    document: 'cosmetics_safety_certificate',
  },
  {
    slug: 'makeup',
    code: 'MU',
    title: { zh: '{a}{b}', en: '{a} {b}', ru: '{b} {a}' },
    a: [
      { zh: '哑光', en: 'Matte', ru: 'с матовым финишем' },
      { zh: '丝绒', en: 'Velvet', ru: 'с бархатным финишем' },
      { zh: '持久', en: 'Long-wear', ru: 'с длительной стойкостью' },
      { zh: '水润', en: 'Hydrating', ru: 'с увлажняющим эффектом' },
    ],
    b: [
      { zh: '口红', en: 'lipstick', ru: 'Помада' },
      { zh: '唇釉', en: 'liquid lip', ru: 'Жидкая помада' },
      { zh: '粉底液', en: 'foundation', ru: 'Тональная основа' },
      { zh: '腮红', en: 'blush', ru: 'Румяна' },
    ],
    description: {
      zh: '{title}。显色度高，质地轻薄，不易脱妆，多种色号可选。',
      en: '{title}. Rich colour payoff, a light texture and all-day wear, in several shades.',
      ru: '{title}. Насыщенный цвет, лёгкая текстура и стойкость на весь день; несколько оттенков.',
    },
    keywords: { zh: '彩妆 口红 化妆品', en: 'makeup, cosmetics, lips', ru: 'макияж, косметика' },
    brands: ['Lotus Lab', 'Peony', 'Silk Road Beauty'],
    priceCny: [59, 259],
    weightGrams: [30, 120],
    box: [100, 60, 40],
    attributes: (r) => ({ volume: pick(r, [3, 5, 30]), shelf_life: pick(r, [24, 36]) }),
    variants: (r) =>
      pickSome(
        r,
        ['01 Rose', '02 Coral', '03 Nude', '04 Berry', '05 Cherry', '06 Mocha'],
        between(r, 1, 4),
      ).map((shade) => ({ options: { shade }, code: shade.slice(0, 2) })),
    document: 'cosmetics_safety_certificate',
  },
  {
    slug: 'headphones',
    code: 'HP',
    title: { zh: '{a}{b}', en: '{a} {b}', ru: '{b} {a}' },
    a: [
      { zh: '主动降噪', en: 'Active noise-cancelling', ru: 'с активным шумоподавлением' },
      { zh: '运动防水', en: 'Sweat-proof sports', ru: 'для спорта с защитой от влаги' },
      { zh: '低延迟游戏', en: 'Low-latency gaming', ru: 'с низкой задержкой для игр' },
      { zh: '高清通话', en: 'Clear-call', ru: 'с микрофоном для звонков' },
    ],
    b: [
      { zh: '蓝牙入耳式耳机', en: 'wireless earbuds', ru: 'Беспроводные наушники-вкладыши' },
      {
        zh: '头戴式蓝牙耳机',
        en: 'over-ear wireless headphones',
        ru: 'Полноразмерные беспроводные наушники',
      },
      { zh: '有线耳机', en: 'wired earphones', ru: 'Проводные наушники' },
    ],
    description: {
      zh: '{title}。蓝牙5.3稳定连接，续航持久，佩戴舒适，支持快速充电。',
      en: '{title}. Stable Bluetooth 5.3, long battery life, a comfortable fit and fast charging.',
      ru: '{title}. Стабильное соединение Bluetooth 5.3, долгая работа от аккумулятора, удобная посадка и быстрая зарядка.',
    },
    keywords: { zh: '耳机 蓝牙 降噪', en: 'headphones, bluetooth, earbuds', ru: 'наушники, bluetooth' },
    brands: ['Aurora Audio', 'SoundPeak', 'Echo'],
    priceCny: [99, 899],
    weightGrams: [60, 320],
    box: [180, 150, 70],
    attributes: (r) => ({
      warranty: pick(r, [6, 12, 24]),
      wireless: true,
      connector: pick(r, ['USB-C', 'USB-C', 'Lightning']),
      battery_capacity: pick(r, [400, 500, 800, 1000]),
    }),
    variants: (r) => byColour(r, ['black', 'white', 'silver', 'blue']),
    document: 'eac_declaration',
  },
  {
    slug: 'chargers',
    code: 'CH',
    title: { zh: '{a}氮化镓快充{b}', en: '{a} GaN fast {b}', ru: '{b} GaN {a}' },
    a: [
      { zh: '20W', en: '20 W', ru: '20 Вт' },
      { zh: '33W', en: '33 W', ru: '33 Вт' },
      { zh: '65W', en: '65 W', ru: '65 Вт' },
      { zh: '100W', en: '100 W', ru: '100 Вт' },
    ],
    b: [
      { zh: '单口充电器', en: 'charger', ru: 'Быстрое зарядное устройство' },
      { zh: '双口充电器', en: 'dual-port charger', ru: 'Двухпортовое зарядное устройство' },
      { zh: '车载充电器', en: 'car charger', ru: 'Автомобильное зарядное устройство' },
    ],
    description: {
      zh: '{title}。支持PD/QC快充协议，多重安全保护，体积小巧，出差旅行便携。',
      en: '{title}. PD and QC fast-charging, several layers of protection, compact enough for travel.',
      ru: '{title}. Поддержка PD и QC, многоуровневая защита, компактный корпус для поездок.',
    },
    keywords: { zh: '充电器 快充 氮化镓', en: 'charger, fast charging, GaN', ru: 'зарядка, быстрая зарядка' },
    brands: ['VoltEdge', 'Aurora', 'Nordwind Power'],
    priceCny: [49, 259],
    weightGrams: [60, 220],
    box: [110, 90, 50],
    attributes: (r) => ({ warranty: pick(r, [12, 18, 24]), power_output: pick(r, [20, 33, 65, 100]) }),
    variants: (r) =>
      pickSome(r, ['USB-C', 'Lightning', 'Micro-USB'], between(r, 1, 2)).flatMap((connector) =>
        byColour(r, ['white', 'black'], 1).map((v) => ({
          options: { ...v.options, connector },
          code: `${v.code}-${connector === 'USB-C' ? 'C' : connector === 'Lightning' ? 'L' : 'M'}`,
        })),
      ),
    document: 'eac_declaration',
  },
  {
    slug: 'phones',
    code: 'PH',
    title: { zh: '{a} {b}智能手机', en: '{a} {b} smartphone', ru: 'Смартфон {a} {b}' },
    a: [
      { zh: 'Aurora', en: 'Aurora', ru: 'Aurora' },
      { zh: 'Nova', en: 'Nova', ru: 'Nova' },
      { zh: 'Taiga', en: 'Taiga', ru: 'Taiga' },
    ],
    b: [
      { zh: 'X5 5G', en: 'X5 5G', ru: 'X5 5G' },
      { zh: 'Lite 4G', en: 'Lite 4G', ru: 'Lite 4G' },
      { zh: 'Pro Max', en: 'Pro Max', ru: 'Pro Max' },
      { zh: 'Neo', en: 'Neo', ru: 'Neo' },
    ],
    description: {
      zh: '{title}。高刷新率全面屏，大容量电池，支持NFC与快充，官方质保。',
      en: '{title}. A high-refresh full screen, a large battery, NFC and fast charging, with an official warranty.',
      ru: '{title}. Безрамочный экран с высокой частотой обновления, ёмкий аккумулятор, NFC и быстрая зарядка, официальная гарантия.',
    },
    keywords: { zh: '手机 智能手机 5G', en: 'phone, smartphone, 5G', ru: 'смартфон, телефон' },
    brands: ['Aurora Mobile', 'Taiga'],
    priceCny: [899, 3999],
    weightGrams: [180, 240],
    box: [180, 100, 60],
    attributes: (r) => ({
      warranty: 12,
      screen_size: pick(r, [6.1, 6.5, 6.7, 6.8]),
      battery_capacity: pick(r, [4500, 5000, 5500]),
    }),
    variants: (r) => {
      const colours = pickSome(r, ['black', 'silver', 'blue', 'green'], between(r, 1, 2));
      const storages = pickSome(r, ['128 GB', '256 GB', '512 GB'], between(r, 1, 3));
      return colours.flatMap((c) =>
        storages.map((s) => ({
          options: { colour: c, storage: s },
          code: `${colourCode(c)}-${s.split(' ')[0]}`,
        })),
      );
    },
    document: 'eac_declaration',
  },
  {
    slug: 'kitchen',
    code: 'KT',
    title: { zh: '{a}{b}', en: '{a} {b}', ru: '{b} {a}' },
    a: [
      { zh: '北欧风', en: 'Nordic-style', ru: 'в скандинавском стиле' },
      { zh: '手工', en: 'Handmade', ru: 'ручной работы' },
      { zh: '家用', en: 'Everyday', ru: 'для дома' },
      { zh: '大容量', en: 'Large', ru: 'большого объёма' },
    ],
    b: [
      { zh: '陶瓷马克杯', en: 'ceramic mug', ru: 'Керамическая кружка' },
      { zh: '不锈钢保温杯', en: 'stainless steel vacuum flask', ru: 'Термокружка из нержавеющей стали' },
      { zh: '玻璃密封罐', en: 'glass storage jar', ru: 'Стеклянная банка для хранения' },
      { zh: '竹制砧板', en: 'bamboo cutting board', ru: 'Бамбуковая разделочная доска' },
      { zh: '陶瓷茶具套装', en: 'ceramic tea set', ru: 'Керамический чайный набор' },
    ],
    description: {
      zh: '{title}。食品级材质，安全无异味，易清洗，送礼自用皆宜。',
      en: '{title}. Food-safe materials with no odour, easy to clean; a good gift or everyday piece.',
      ru: '{title}. Материалы, безопасные для контакта с пищей, без запаха, легко моется; хороший подарок.',
    },
    keywords: { zh: '厨房 家居 杯子', en: 'kitchen, home, mug', ru: 'кухня, дом, посуда' },
    brands: ['Silk Road Home', 'Jingdezhen Studio', 'Nordwind Home'],
    priceCny: [29, 269],
    weightGrams: [200, 1200],
    box: [200, 200, 150],
    attributes: (r) => ({
      material: pick(r, ['Ceramic', 'Stainless steel 304', 'Borosilicate glass', 'Bamboo']),
      volume: pick(r, [350, 400, 500, 750, 1000]),
      dishwasher_safe: r() > 0.3,
    }),
    variants: (r) => byColour(r, ['white', 'beige', 'green', 'blue', 'grey']),
    document: 'food_safety_certificate',
  },
  {
    slug: 'medical-devices',
    code: 'MD',
    title: { zh: '{a}{b}', en: '{a} {b}', ru: '{b} {a}' },
    a: [
      { zh: '家用', en: 'Home', ru: 'для дома' },
      { zh: '便携式', en: 'Portable', ru: 'портативный' },
      { zh: '智能', en: 'Smart', ru: 'с памятью измерений' },
    ],
    b: [
      { zh: '电子血压计', en: 'blood pressure monitor', ru: 'Электронный тонометр' },
      { zh: '红外体温计', en: 'infrared thermometer', ru: 'Инфракрасный термометр' },
      { zh: '指夹式血氧仪', en: 'fingertip pulse oximeter', ru: 'Пульсоксиметр' },
      { zh: '压缩式雾化器', en: 'compressor nebuliser', ru: 'Компрессорный небулайзер' },
    ],
    description: {
      zh: '{title}。测量准确，操作简单，大屏显示，适合家庭日常健康监测。',
      en: '{title}. Accurate, simple to use, with a large display for everyday health checks at home.',
      ru: '{title}. Точные измерения, простое управление и крупный дисплей для ежедневного контроля здоровья дома.',
    },
    keywords: {
      zh: '医疗器械 家用 健康',
      en: 'medical device, health, home care',
      ru: 'медицинская техника, здоровье',
    },
    brands: ['MediCare', 'Zdorovie', 'HealthLine'],
    priceCny: [79, 699],
    weightGrams: [80, 1500],
    box: [220, 180, 120],
    attributes: (r) => ({ device_class: pick(r, ['1', '2a']), warranty: pick(r, [12, 24, 36]) }),
    variants: () => [{ options: {}, code: 'STD' }],
    document: 'rzn_registration',
  },
];

export const categorySpec = (slug: string): CategorySpec => {
  const spec = CATEGORIES.find((c) => c.slug === slug);
  if (!spec) throw new Error(`no demo category spec for ${slug}`);
  return spec;
};

const fill = (template: string, a: string, b: string) =>
  template.replace('{a}', a).replace('{b}', b).replace(/\s+/g, ' ').trim();
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Title, description and keywords of one product of a category. */
export function productTexts(spec: CategorySpec, r: () => number) {
  const a = pick(r, spec.a);
  const b = pick(r, spec.b);
  const title = {
    'zh-CN': fill(spec.title.zh, a.zh, b.zh),
    'en-US': capitalise(fill(spec.title.en, a.en, b.en)),
    'ru-RU': capitalise(fill(spec.title.ru, a.ru, b.ru)),
  };
  return {
    title,
    description: {
      'zh-CN': spec.description.zh.replace('{title}', title['zh-CN']),
      'en-US': spec.description.en.replace('{title}', title['en-US']),
      'ru-RU': spec.description.ru.replace('{title}', title['ru-RU']),
    },
    keywords: { 'zh-CN': spec.keywords.zh, 'en-US': spec.keywords.en, 'ru-RU': spec.keywords.ru },
  };
}

/** A valid EAN-13 from a 12-digit body (GS1 check digit). */
export function ean13(body: string): string {
  if (!/^\d{12}$/.test(body)) throw new Error(`EAN-13 body must be 12 digits: ${body}`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[11 - i]) * (i % 2 === 0 ? 3 : 1);
  return `${body}${(10 - (sum % 10)) % 10}`;
}
