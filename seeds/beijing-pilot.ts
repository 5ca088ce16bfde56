/**
 * The Beijing fintech application pilot as the public record states it.
 * Source: 曾志诚《央行营管部曾志诚：金融科技应用试点工作顺利推进》,《金融电子化》, 2020-06-12
 * (quoted in `sourceNote` fields), and 21世纪经济报道 (2019-12) for the approval date of the list.
 * Everything not in the record is generated in placeholders.ts and flagged as a placeholder.
 */
import type { InstitutionKind, ValueQualifier } from '../lib/generated/prisma/enums';

/** A stage of the pilot's lifecycle (seeds/lifecycles.ts), by code. */
export type PilotStage = 'APPROVED' | 'ONLINE' | 'PROMOTION' | 'COMPLETED' | 'WITHDRAWN';

export const ARTICLE = '曾志诚《金融电子化》2020-06-12';
export const ARTICLE_AS_OF = '2020-06-12';
/** The list of 46 Beijing projects was approved and disclosed on this day (21世纪经济报道, 2019-12). */
export const LIST_APPROVED_ON = '2019-12-07';
export const LIST_APPROVAL_SOURCE = '21世纪经济报道 2019-12';

export const program = {
  code: 'BJ-FINTECH-PILOT',
  name: '北京市金融科技应用试点',
  nameEn: 'Beijing Fintech Application Pilot',
  region: '北京',
  startDate: LIST_APPROVED_ON,
  published: { PROJECTS: 46, INSTITUTIONS: 77, DIRECTIONS: 4, FIELDS: 16, ONLINE: 33, PROMOTION: 21 },
} as const;

export const directions = [
  {
    code: 'D1',
    name: '提升信息技术安全应用水平，推动金融与科技深度融合',
    nameEn: 'Secure use of information technology; deeper integration of finance and technology',
    fields: [
      ['智慧银行', 'Smart banking'],
      ['金融便捷化服务', 'Convenient financial services'],
      ['移动金融安全交易', 'Secure mobile-finance transactions'],
      ['金融云与分布式架构', 'Financial cloud and distributed architecture'],
    ],
  },
  {
    code: 'D2',
    name: '推动金融与民生服务系统互联互通，提高公共服务质量',
    nameEn: 'Connecting finance with public-service systems; better public services',
    fields: [
      ['远程医疗与金融融合服务', 'Telemedicine and finance services'],
      ['社会保障服务', 'Social security services'],
      ['智慧农村金融服务', 'Smart rural finance'],
      ['民生服务', 'Public livelihood services'],
    ],
  },
  {
    code: 'D3',
    name: '促进数据资源融合应用，增强金融惠民服务能力',
    nameEn: 'Fusing data resources; stronger inclusive financial services',
    fields: [
      ['养老金融精准化服务', 'Precision finance for elderly care'],
      ['小微金融服务', 'Micro and small business finance'],
      ['银行智慧营销', 'Smart bank marketing'],
      ['跨行业数据融合金融信息服务', 'Cross-industry data fusion for financial information'],
    ],
  },
  {
    code: 'D4',
    name: '加强监管科技应用，提升金融风险"技防"能力',
    nameEn: 'Regulatory technology; technical defences against financial risk',
    fields: [
      ['金融风险防控', 'Financial risk prevention and control'],
      ['金融科技产品安全评估管理', 'Security assessment of fintech products'],
      ['新技术在金融监管中的应用', 'New technology in financial supervision'],
      ['远程医疗与金融应用风险联防联控', 'Joint risk control for telemedicine and finance apps'],
    ],
  },
] as const;

/** `sourced`: named by the article, as a supporting technology of the pilot or in a project's name. */
export const technologies = [
  { name: '人工智能', nameEn: 'Artificial intelligence', sourced: true },
  { name: '云计算', nameEn: 'Cloud computing', sourced: true },
  { name: '大数据', nameEn: 'Big data', sourced: true },
  { name: '区块链', nameEn: 'Blockchain', sourced: true },
  { name: '数联网', nameEn: 'Data networking', sourced: true },
  { name: '人脸识别', nameEn: 'Face recognition', sourced: true },
  { name: '生物识别', nameEn: 'Biometrics', sourced: false },
  { name: '物联网', nameEn: 'Internet of Things', sourced: false },
] as const;

type Kind = `${InstitutionKind}`;
/**
 * The article names these institutions but says nothing of their kind or
 * licence: the kind is our reading of the name (marked as such), the licence
 * is left unknown.
 */
export const institutions: { name: string; kind: Kind; licensed: null }[] = [
  { name: '中国互联网金融协会', kind: 'INDUSTRY_ASSOCIATION', licensed: null },
  { name: '招商银行北京分行', kind: 'BANK', licensed: null },
  { name: '北京农村商业银行', kind: 'BANK', licensed: null },
  { name: '工业和信息化部计算机与微电子发展研究中心', kind: 'PUBLIC_INSTITUTION', licensed: null },
  { name: '中国银联', kind: 'PAYMENT_ORG', licensed: null },
  { name: '中国人民银行清算总中心', kind: 'PUBLIC_INSTITUTION', licensed: null },
  { name: '中关村银行', kind: 'BANK', licensed: null },
  { name: '北京金融安全产业园', kind: 'OTHER', licensed: null },
];

/** The indicator catalogue: what the pilot's outcome figures measure. */
export const indicators = [
  { code: 'USERS', nameZh: '开通用户', nameEn: 'Users enrolled', unit: '人次', kind: 'COUNT', aggregation: 'SUM' },
  { code: 'MERCHANTS', nameZh: '受理商户', nameEn: 'Merchants', unit: '家', kind: 'COUNT', aggregation: 'SUM' },
  { code: 'TERMINALS', nameZh: '布放终端', nameEn: 'Terminals deployed', unit: '台', kind: 'COUNT', aggregation: 'SUM' },
  { code: 'CASH_DEVICES', nameZh: '自助现金设备', nameEn: 'Self-service cash devices', unit: '台', kind: 'COUNT', aggregation: 'SUM' },
  { code: 'BRANCHES', nameZh: '覆盖营业网点', nameEn: 'Branches covered', unit: '家', kind: 'COUNT', aggregation: 'SUM' },
  { code: 'MEDICAL_INSTITUTIONS', nameZh: '服务医疗机构', nameEn: 'Medical institutions served', unit: '家', kind: 'COUNT', aggregation: 'SUM' },
  { code: 'INSTITUTIONS_ONBOARDED', nameZh: '推广上线机构', nameEn: 'Institutions onboarded', unit: '家', kind: 'COUNT', aggregation: 'SUM' },
  { code: 'WEBSITES', nameZh: '接入网站', nameEn: 'Websites connected', unit: '家', kind: 'COUNT', aggregation: 'SUM' },
  { code: 'SCENARIOS', nameZh: '接入服务场景', nameEn: 'Service scenarios connected', unit: '个', kind: 'COUNT', aggregation: 'SUM' },
  // Regions and cities overlap between projects: the program figure is the widest reach, not a sum.
  { code: 'REGIONS', nameZh: '推广地区', nameEn: 'Regions reached', unit: '个', kind: 'COUNT', aggregation: 'MAX' },
  { code: 'PILOT_CITIES', nameZh: '覆盖试点城市', nameEn: 'Pilot cities covered', unit: '个', kind: 'COUNT', aggregation: 'MAX' },
  { code: 'CASH_COLLECTED', nameZh: '回笼现金金额', nameEn: 'Cash collected', unit: '元', kind: 'AMOUNT', aggregation: 'SUM' },
] as const;

type Figure = { indicator: (typeof indicators)[number]['code']; value: number; qualifier?: `${ValueQualifier}`; quote: string };

/** What the record says of a placement (direction or field): stated, or our reading of something it says. */
export type Placement = { code: string; inferred: false; quote: string } | { code: string; inferred: true; note: string };

/**
 * When the project went online (and into promotion): never a day, only a range.
 * `by` is the upper bound, `inferred` when the bound is our reading of the text
 * rather than a date it states.
 */
export type Reached = { by: string; inferred: boolean; note: string };

/** The article is dated 2020-06-12 and says these stages were reached by then. */
const BY_ARTICLE: Reached = { by: ARTICLE_AS_OF, inferred: false, note: `${ARTICLE}：截至发稿已达到该阶段，具体日期未公开。` };
/**
 * The article describes these projects running during the epidemic control
 * period (from late January 2020): kept running 7×24, adjusted promptly, tracked
 * trial runs and cash collected "during the epidemic". The earliest bound that
 * supports: online by the end of January 2020.
 */
const DURING_EPIDEMIC: Reached = {
  by: '2020-01-31',
  inferred: true,
  note: `${ARTICLE}称该项目在疫情防控期间（2020年1月下旬起）已在运行：上线不晚于2020年1月，为依据文章内容的推断。`,
};

export type SourcedProject = {
  code: string;
  name: string;
  summary: string;
  direction: Placement;
  /** The field's name within the direction. */
  field: Placement;
  stage: PilotStage;
  /** When each stage past approval was reached. */
  reached: Reached;
  lead: string;
  /** Set when the record does not say which institution leads. */
  leadNote?: string;
  participants: string[];
  technologies: string[];
  scenarios: string[];
  sourceNote: string;
  figures: Figure[];
};

const EPIDEMIC_PARAGRAPH = '文章在“抗击新冠肺炎疫情”一段列举该项目，未说明其所属方向。';

export const projects: SourcedProject[] = [
  {
    code: 'BJFT-01',
    name: '基于多渠道的金融身份识别技术应用',
    summary: '疫情防控期间加大平台运行保障力度，7×24小时无间断，为接入金融机构在线开展小微业务提供稳定尽调渠道，扩增了小微客户数量和地域范围。',
    direction: { code: 'D3', inferred: true, note: `${EPIDEMIC_PARAGRAPH}方向依据其内容（为小微业务提供在线尽调渠道）推断。` },
    field: { code: '小微金融服务', inferred: true, note: '领域依据其内容（小微客户融资业务）推断。' },
    stage: 'ONLINE',
    reached: DURING_EPIDEMIC,
    lead: '中国互联网金融协会',
    participants: [],
    technologies: [],
    scenarios: ['小微业务在线尽调'],
    sourceNote: '文章列为疫情期间发挥作用的项目。',
    figures: [],
  },
  {
    code: 'BJFT-02',
    name: '基于大数据技术的小微银税金融服务应用',
    summary: '通过数据的有效整合和深度利用，将业务模式由线下转为线上，为更多小微企业客户提供及时的金融服务。',
    direction: { code: 'D3', inferred: true, note: `${EPIDEMIC_PARAGRAPH}方向依据项目名称（大数据、小微银税）推断。` },
    field: { code: '小微金融服务', inferred: true, note: '领域依据项目名称（小微银税金融服务）推断。' },
    stage: 'ONLINE',
    reached: DURING_EPIDEMIC,
    lead: '招商银行北京分行',
    participants: [],
    technologies: ['大数据'],
    scenarios: ['小微企业银税服务'],
    sourceNote: '文章列为疫情期间发挥作用的项目；技术见于项目名称。',
    figures: [],
  },
  {
    code: 'BJFT-03',
    name: '基于机器学习技术的大数据现金管理模型应用',
    summary: '疫情期间跟进模型覆盖的营业网点与自助现金设备的试运行情况，为医院、卫生院等医疗机构提供现金服务，减少现金传播病毒的风险。',
    direction: { code: 'D1', inferred: true, note: `${EPIDEMIC_PARAGRAPH}方向依据其内容（银行网点与自助现金设备）推断。` },
    field: { code: '智慧银行', inferred: true, note: '领域依据其内容（银行网点现金管理）推断。' },
    stage: 'ONLINE',
    reached: DURING_EPIDEMIC,
    lead: '北京农村商业银行',
    participants: [],
    technologies: ['大数据'],
    scenarios: ['医疗机构现金服务', '自助现金设备管理'],
    sourceNote: '文章称该项目处于试运行；技术见于项目名称。',
    figures: [
      { indicator: 'BRANCHES', value: 485, quote: '模型覆盖的485家营业网点' },
      { indicator: 'CASH_DEVICES', value: 2196, quote: '2196台自助现金设备' },
      { indicator: 'MEDICAL_INSTITUTIONS', value: 194, quote: '共为194家医院、卫生院等医疗机构提供现金服务' },
      { indicator: 'CASH_COLLECTED', value: 406_000_000, quote: '疫情期间累计回笼医院现金4.06亿元' },
    ],
  },
  {
    code: 'BJFT-04',
    name: '移动互联网医疗与金融应用风险联防联控实践',
    summary: '疫情期间重点保障移动互联网医疗应用安全风控平台运行，做好相关安全保障及安全监测工作。',
    direction: { code: 'D4', inferred: true, note: `${EPIDEMIC_PARAGRAPH}方向依据项目名称与第四方向下的领域名称相同推断。` },
    field: { code: '远程医疗与金融应用风险联防联控', inferred: true, note: '领域依据项目名称（与该领域名称一致）推断。' },
    stage: 'ONLINE',
    reached: DURING_EPIDEMIC,
    lead: '工业和信息化部计算机与微电子发展研究中心',
    participants: [],
    technologies: [],
    scenarios: ['移动医疗应用安全风控'],
    sourceNote: '文章列为疫情期间发挥作用的项目。',
    figures: [],
  },
  {
    code: 'BJFT-05',
    name: '人脸识别线下支付安全应用',
    summary: '刷脸付受理地区已全面覆盖金融科技应用试点的10个城市。',
    direction: {
      code: 'D1',
      inferred: false,
      quote: '在提升信息技术安全应用水平，推动金融与科技深度融合方向……其中，中国银联主导的“人脸识别线下支付安全应用”项目',
    },
    field: { code: '移动金融安全交易', inferred: true, note: '文章只说明方向；领域依据项目内容（线下刷脸支付）推断。' },
    stage: 'PROMOTION',
    reached: BY_ARTICLE,
    lead: '中国银联',
    participants: [],
    technologies: ['人脸识别'],
    scenarios: ['线下刷脸支付'],
    sourceNote: '文章在第一方向下列举（“其中”），称由中国银联主导；技术见于项目名称。',
    figures: [
      { indicator: 'REGIONS', value: 24, quote: '已实现24个地区的推广' },
      { indicator: 'USERS', value: 325_500, quote: '刷脸付累计开通用户32.55万人次' },
      { indicator: 'PILOT_CITIES', value: 10, quote: '受理地区已全面覆盖金融科技试点的10个城市' },
      { indicator: 'MERCHANTS', value: 1325, qualifier: 'ABOUT', quote: '共计商户约1325家' },
      { indicator: 'TERMINALS', value: 2000, qualifier: 'OVER', quote: '布放终端超过2000台' },
    ],
  },
  {
    code: 'BJFT-06',
    name: '基于云计算技术的北京民生服务云平台应用',
    summary: '已实现多项政务便民服务场景的接入。',
    direction: {
      code: 'D2',
      inferred: false,
      quote: '在推动金融与民生服务系统互联互通，提高公共服务质量方向……其中，招商银行北京分行实施的“基于云计算技术的北京民生服务云平台应用”项目',
    },
    field: { code: '民生服务', inferred: true, note: '文章只说明方向；领域依据项目名称（民生服务云平台）推断。' },
    stage: 'ONLINE',
    reached: BY_ARTICLE,
    lead: '招商银行北京分行',
    participants: [],
    technologies: ['云计算'],
    scenarios: ['生活缴费', '跨行缴税', '公积金查询', '养老金查询', '交通罚没', '校园生活'],
    sourceNote: '文章在第二方向下列举（“其中”），称由招商银行北京分行实施；技术见于项目名称。',
    figures: [
      {
        indicator: 'SCENARIOS',
        value: 6,
        // Six are listed, followed by "等" (and others): at least six.
        qualifier: 'AT_LEAST',
        quote: '已实现生活缴费、跨行缴税、公积金查询、养老金查询、交通罚没、校园生活等政务便民服务场景的接入',
      },
    ],
  },
  {
    code: 'BJFT-07',
    name: '企业信息联网核查系统',
    summary: '已完成银行机构的推广上线工作。',
    direction: {
      code: 'D3',
      inferred: false,
      quote: '在促进数据资源融合应用，增强金融惠民服务能力方向……其中，中国人民银行清算总中心的“企业信息联网核查系统”项目',
    },
    field: { code: '跨行业数据融合金融信息服务', inferred: true, note: '文章只说明方向；领域依据项目内容（企业信息联网核查）推断。' },
    stage: 'PROMOTION',
    reached: BY_ARTICLE,
    lead: '中国人民银行清算总中心',
    participants: [],
    technologies: [],
    scenarios: ['企业信息联网核查'],
    sourceNote: '文章在第三方向下列举（“其中”）。',
    figures: [{ indicator: 'INSTITUTIONS_ONBOARDED', value: 179, quote: '已完成179家银行机构的推广上线工作' }],
  },
  {
    code: 'BJFT-08',
    name: '基于人工智能技术的金融风险分析应用',
    summary: '持续推进数据的搜集和分析工作，扩大数据量储备，对部分企业尝试展开风险指数测算。',
    direction: {
      code: 'D4',
      inferred: false,
      quote: '在加强监管科技应用，提升金融风险“技防”能力方向……其中，中关村银行与北京金融安全产业园等机构共同开展的“基于人工智能技术的金融风险分析应用”',
    },
    field: { code: '金融风险防控', inferred: true, note: '文章只说明方向；领域依据项目内容（金融风险分析）推断。' },
    stage: 'ONLINE',
    reached: BY_ARTICLE,
    lead: '中关村银行',
    leadNote: '文章称由中关村银行与北京金融安全产业园等机构“共同开展”，未说明牵头方：以首先提及的中关村银行为牵头方，为推断。',
    participants: ['北京金融安全产业园'],
    technologies: ['人工智能'],
    scenarios: ['网站风险监测', '企业风险指数测算'],
    sourceNote: '文章称由中关村银行与北京金融安全产业园“等机构”共同开展，其余参与机构未公开；技术见于项目名称。',
    figures: [{ indicator: 'WEBSITES', value: 27_000, qualifier: 'ABOUT', quote: '已接入网站约27000余家' }],
  },
];
