/**
 * The Beijing fintech application pilot as the public record states it.
 * Source: 曾志诚《央行营管部曾志诚：金融科技应用试点工作顺利推进》,《金融电子化》, 2020-06-12
 * (quoted in `sourceNote` fields), and 21世纪经济报道 (2019-12) for the approval date of the list.
 * Everything not in the record is generated in placeholders.ts and flagged as a placeholder.
 */
import type { InstitutionKind, ProjectStage, ValueQualifier } from '../lib/generated/prisma/enums';

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

/** `sourced`: named by the article as a supporting technology of the pilot. */
export const technologies = [
  { name: '人工智能', nameEn: 'Artificial intelligence', sourced: true },
  { name: '云计算', nameEn: 'Cloud computing', sourced: true },
  { name: '大数据', nameEn: 'Big data', sourced: true },
  { name: '区块链', nameEn: 'Blockchain', sourced: true },
  { name: '数联网', nameEn: 'Data networking', sourced: true },
  { name: '生物识别', nameEn: 'Biometrics', sourced: false },
  { name: '物联网', nameEn: 'Internet of Things', sourced: false },
] as const;

type Kind = `${InstitutionKind}`;
export const institutions: { name: string; kind: Kind; licensed: boolean | null }[] = [
  { name: '中国互联网金融协会', kind: 'INDUSTRY_ASSOCIATION', licensed: false },
  { name: '招商银行北京分行', kind: 'BANK', licensed: true },
  { name: '北京农村商业银行', kind: 'BANK', licensed: true },
  { name: '工业和信息化部计算机与微电子发展研究中心', kind: 'PUBLIC_INSTITUTION', licensed: false },
  { name: '中国银联', kind: 'PAYMENT_ORG', licensed: true },
  { name: '中国人民银行清算总中心', kind: 'PUBLIC_INSTITUTION', licensed: false },
  { name: '中关村银行', kind: 'BANK', licensed: true },
  { name: '北京金融安全产业园', kind: 'OTHER', licensed: false },
];

/** The indicator catalogue: what the pilot's outcome figures measure. */
export const indicators = [
  { code: 'USERS', nameZh: '开通用户', nameEn: 'Users enrolled', unit: '人次', kind: 'COUNT', aggregation: 'SUM' },
  { code: 'MERCHANTS', nameZh: '受理商户', nameEn: 'Merchants', unit: '户', kind: 'COUNT', aggregation: 'SUM' },
  { code: 'TERMINALS', nameZh: '布放终端', nameEn: 'Terminals deployed', unit: '台', kind: 'COUNT', aggregation: 'SUM' },
  { code: 'CASH_DEVICES', nameZh: '自助现金设备', nameEn: 'Self-service cash devices', unit: '台', kind: 'COUNT', aggregation: 'SUM' },
  { code: 'BRANCHES', nameZh: '覆盖营业网点', nameEn: 'Branches covered', unit: '家', kind: 'COUNT', aggregation: 'SUM' },
  { code: 'MEDICAL_INSTITUTIONS', nameZh: '服务医疗机构', nameEn: 'Medical institutions served', unit: '家', kind: 'COUNT', aggregation: 'SUM' },
  { code: 'INSTITUTIONS_ONBOARDED', nameZh: '推广上线机构', nameEn: 'Institutions onboarded', unit: '家', kind: 'COUNT', aggregation: 'SUM' },
  { code: 'WEBSITES', nameZh: '接入网站', nameEn: 'Websites connected', unit: '个', kind: 'COUNT', aggregation: 'SUM' },
  { code: 'SCENARIOS', nameZh: '接入服务场景', nameEn: 'Service scenarios connected', unit: '个', kind: 'COUNT', aggregation: 'SUM' },
  // Regions and cities overlap between projects: the program figure is the widest reach, not a sum.
  { code: 'REGIONS', nameZh: '推广地区', nameEn: 'Regions reached', unit: '个', kind: 'COUNT', aggregation: 'MAX' },
  { code: 'PILOT_CITIES', nameZh: '覆盖试点城市', nameEn: 'Pilot cities covered', unit: '个', kind: 'COUNT', aggregation: 'MAX' },
  { code: 'CASH_COLLECTED', nameZh: '回笼现金金额', nameEn: 'Cash collected', unit: '元', kind: 'AMOUNT', aggregation: 'SUM' },
] as const;

type Figure = { indicator: (typeof indicators)[number]['code']; value: number; qualifier?: `${ValueQualifier}`; quote: string };

export type SourcedProject = {
  code: string;
  name: string;
  summary: string;
  direction: string;
  field: string;
  fieldInferred: boolean;
  stage: `${ProjectStage}`;
  lead: string;
  participants: string[];
  technologies: string[];
  scenarios: string[];
  sourceNote: string;
  figures: Figure[];
};

export const projects: SourcedProject[] = [
  {
    code: 'BJFT-01',
    name: '基于多渠道的金融身份识别技术应用',
    summary: '疫情防控期间加大平台运行保障力度，7×24小时无间断，为接入金融机构在线开展小微业务提供稳定尽调渠道，扩增了小微客户数量和地域范围。',
    direction: 'D3',
    field: '小微金融服务',
    fieldInferred: true,
    stage: 'ONLINE',
    lead: '中国互联网金融协会',
    participants: [],
    technologies: [],
    scenarios: ['小微业务在线尽调'],
    sourceNote: '文章列为疫情期间发挥作用的项目；方向与领域为依据项目内容的推断。',
    figures: [],
  },
  {
    code: 'BJFT-02',
    name: '基于大数据技术的小微银税金融服务应用',
    summary: '通过数据的有效整合和深度利用，将业务模式由线下转为线上，为更多小微企业客户提供及时的金融服务。',
    direction: 'D3',
    field: '小微金融服务',
    fieldInferred: true,
    stage: 'ONLINE',
    lead: '招商银行北京分行',
    participants: [],
    technologies: ['大数据'],
    scenarios: ['小微企业银税服务'],
    sourceNote: '方向与领域为依据项目内容的推断。',
    figures: [],
  },
  {
    code: 'BJFT-03',
    name: '基于机器学习技术的大数据现金管理模型应用',
    summary: '疫情期间跟进模型覆盖的营业网点与自助现金设备的试运行情况，为医院、卫生院等医疗机构提供现金服务，减少现金传播病毒的风险。',
    direction: 'D1',
    field: '智慧银行',
    fieldInferred: true,
    stage: 'ONLINE',
    lead: '北京农村商业银行',
    participants: [],
    technologies: ['人工智能', '大数据'],
    scenarios: ['医疗机构现金服务', '自助现金设备管理'],
    sourceNote: '文章称该项目处于试运行；方向与领域为依据项目内容的推断。',
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
    direction: 'D4',
    field: '远程医疗与金融应用风险联防联控',
    fieldInferred: false,
    stage: 'ONLINE',
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
    direction: 'D1',
    field: '移动金融安全交易',
    fieldInferred: true,
    stage: 'PROMOTION',
    lead: '中国银联',
    participants: [],
    technologies: ['生物识别'],
    scenarios: ['线下刷脸支付'],
    sourceNote: '文章在第一方向下列举（“其中”）；领域为推断。',
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
    direction: 'D2',
    field: '民生服务',
    fieldInferred: true,
    stage: 'ONLINE',
    lead: '招商银行北京分行',
    participants: [],
    technologies: ['云计算'],
    scenarios: ['生活缴费', '跨行缴税', '公积金查询', '养老金查询', '交通罚没', '校园生活'],
    sourceNote: '文章在第二方向下列举（“其中”）；领域为推断。',
    figures: [
      {
        indicator: 'SCENARIOS',
        value: 6,
        quote: '已实现生活缴费、跨行缴税、公积金查询、养老金查询、交通罚没、校园生活等政务便民服务场景的接入',
      },
    ],
  },
  {
    code: 'BJFT-07',
    name: '企业信息联网核查系统',
    summary: '已完成银行机构的推广上线工作。',
    direction: 'D3',
    field: '跨行业数据融合金融信息服务',
    fieldInferred: true,
    stage: 'PROMOTION',
    lead: '中国人民银行清算总中心',
    participants: [],
    technologies: [],
    scenarios: ['企业信息联网核查'],
    sourceNote: '文章在第三方向下列举（“其中”）；领域为推断。',
    figures: [{ indicator: 'INSTITUTIONS_ONBOARDED', value: 179, quote: '已完成179家银行机构的推广上线工作' }],
  },
  {
    code: 'BJFT-08',
    name: '基于人工智能技术的金融风险分析应用',
    summary: '持续推进数据的搜集和分析工作，扩大数据量储备，对部分企业尝试展开风险指数测算。',
    direction: 'D4',
    field: '金融风险防控',
    fieldInferred: true,
    stage: 'ONLINE',
    lead: '中关村银行',
    participants: ['北京金融安全产业园'],
    technologies: ['人工智能'],
    scenarios: ['网站风险监测', '企业风险指数测算'],
    sourceNote: '文章称由中关村银行与北京金融安全产业园“等机构”共同开展，其余参与机构未公开；领域为推断。',
    figures: [{ indicator: 'WEBSITES', value: 27_000, qualifier: 'ABOUT', quote: '已接入网站约27000余家' }],
  },
];
