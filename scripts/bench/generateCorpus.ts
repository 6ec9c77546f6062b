/**
 * A deterministic synthetic corpus for benchmarks: Chinese news articles in JSONL from both sides,
 * with planted near-duplicates (copies with a known share of their sentences rewritten, in
 * traditional script or half-width punctuation) and planted same-event groups (several outlets
 * reporting one meeting). Random text is drawn from a few thousand common characters and stock
 * phrases, so unrelated articles share almost no 5-character shingles, as real ones do.
 */
import * as OpenCC from 'opencc-js';

export interface GeneratedArticle {
  id: string;
  url: string;
  title: string;
  published: string;
  outlet: string;
  side: string;
  text: string;
}

export interface PlantedTruth {
  /** Pairs of ids planted as copies of one another. */
  copies: [string, string][];
  /** Event label per id for articles planted as reports of one event. */
  events: Map<string, string>;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HAN =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质' +
  '越南双方两国合作关系推动发展加强交流会谈会见表示强调指出建议认为希望领域务实战略伙伴共同维护和平稳定地区国际贸易投资经济';
const PHRASES = [
  '双方就双边关系和共同关心的国际地区问题深入交换意见', '推动两国全面战略合作伙伴关系持续健康稳定发展', '加强发展战略对接', '深化各领域务实合作',
  '妥善处理海上问题', '维护东海和平稳定', '维护南海和平稳定', '扩大越南农产品对华出口', '推进标准轨铁路互联互通', '保障产业链供应链稳定',
  '加强抗疫和疫苗合作', '密切人文交流', '落实两党两国高层共识', '在多边场合相互协调和支持',
];
const CN_OUTLETS = ['新华社', '外交部', '人民网', '中国新闻网', '观察者网'];
const VN_OUTLETS = ['越通社', '人民报', '越南之声', '时代报'];
const PAIRS = [
  ['王毅', '裴青山'], ['习近平', '苏林'], ['李强', '范明政'], ['习近平', '阮富仲'], ['王毅', '范平明'], ['赵乐际', '陈青敏'], ['何炜', '裴青山'], ['丁薛祥', '陈红河'],
];
const PLACES = ['北京', '河内', '南宁', '昆明', '广州', '胡志明市', '海防', '下龙'];

export function generateCorpus(count: number, seed = 42): { articles: GeneratedArticle[]; truth: PlantedTruth } {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const randomClause = () => {
    let s = '';
    const n = 8 + Math.floor(random() * 22);
    for (let i = 0; i < n; i++) s += HAN[Math.floor(random() * HAN.length)];
    return s;
  };
  const sentence = () => (random() < 0.25 ? `${randomClause()}，${pick(PHRASES)}` : `${randomClause()}，${randomClause()}`) + '。';
  const body = (lead: string) => {
    const paragraphs = [lead];
    const target = 1400 + Math.floor(random() * 900);
    let length = lead.length;
    while (length < target) {
      const paragraph = Array.from({ length: 2 + Math.floor(random() * 3) }, sentence).join('');
      paragraphs.push(paragraph);
      length += paragraph.length;
    }
    return paragraphs;
  };
  const date = (dayOffset: number) => new Date(Date.UTC(2020, 0, 1) + dayOffset * 86_400_000).toISOString().slice(0, 10);

  const articles: GeneratedArticle[] = [];
  const truth: PlantedTruth = { copies: [], events: new Map() };
  let n = 0;
  const add = (a: Omit<GeneratedArticle, 'id' | 'url'>) => {
    const id = `g${String(n++).padStart(7, '0')}`;
    articles.push({ id, url: `https://example.${a.side}/${id}.html`, ...a });
    return id;
  };
  while (articles.length < count) {
    const roll = random();
    const day = Math.floor(random() * 2200);
    const [a, b] = pick(PAIRS);
    const place = pick(PLACES);
    const [m, d] = [Number(date(day).slice(5, 7)), Number(date(day).slice(8, 10))];
    // Real leads share a formula but not their wording: each gets a clause of its own.
    const lead = (who: string, other: string) => `${m}月${d}日，${who}在${place}同${other}举行会谈，${randomClause()}。${pick(PHRASES)}，${randomClause()}。`;
    if (roll < 0.15 && articles.length + 4 <= count) {
      // A planted event: each side reports the meeting in its own words.
      const label = `event-${day}-${a}-${b}`;
      for (let k = 0; k < 2 + Math.floor(random() * 3); k++) {
        const side = k % 2 === 0 ? 'cn' : 'vn';
        const [first, second] = side === 'cn' ? [a!, b!] : [b!, a!];
        const id = add({ title: `${first}同${second}举行会谈`, published: date(day + 1), outlet: pick(side === 'cn' ? CN_OUTLETS : VN_OUTLETS), side, text: body(lead(first, second)).join('\n') });
        truth.events.set(id, label);
      }
      continue;
    }
    const side = random() < 0.5 ? 'cn' : 'vn';
    const paragraphs = body(lead(a!, b!));
    const source = add({ title: `${a}同${b}举行会谈`, published: date(day + 1), outlet: pick(side === 'cn' ? CN_OUTLETS : VN_OUTLETS), side, text: paragraphs.join('\n') });
    if (roll < 0.3 && articles.length < count) {
      // A planted copy: some paragraphs rewritten, sometimes in traditional script or half-width punctuation.
      const rewrite = random() * 0.4;
      let text = paragraphs.map((p, i) => (i > 0 && random() < rewrite ? body('')[1] ?? p : p)).join('\n');
      const style = random();
      if (style < 0.3) text = toTraditional(text);
      else if (style < 0.6) text = text.replace(/，/gu, ', ').replace(/。/gu, '. ');
      const copy = add({ title: `${a}同${b}举行会谈`, published: date(day + 2), outlet: pick(['大公报', '联合早报', '中评社']), side: 'hk', text });
      truth.copies.push([source, copy]);
    }
  }
  return { articles, truth };
}
