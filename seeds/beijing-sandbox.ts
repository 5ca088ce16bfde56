/**
 * The Beijing fintech innovation regulatory pilot (the "sandbox") as the public
 * record states it: the applications of its first two batches with their
 * institutions, batch and public-notice dates, the registration of batch 1 and
 * the three exits of 2021-09-28 (sources per row, from sandbox.md's press copies
 * of the official notices). Batch 3's five applications were never named: they
 * are placeholders. No exit, date or class is guessed: a stage reached only as
 * far as the record goes is marked as such, and the dates between known ones are
 * ranges labelled as inferred from the order of the lifecycle.
 */
export const SOURCES = {
  approval: '杨伟中讲话，2020-09-08（rexun.cn 转载）',
  batch1: '北京商报，2020-03-16（finance.sina.com.cn 转载）',
  batch2: 'sccf.org.cn ArticleShow?AId=5389',
  batch3: 'The Paper（英文版），2020-12-25',
  exits: 'jinbaonet.com 2021-09-28；nifd.cn',
} as const;

export const program = {
  code: 'BJ-FINTECH-SANDBOX',
  name: '北京市金融科技创新监管试点',
  nameEn: 'Beijing Fintech Innovation Regulatory Pilot (sandbox)',
  region: '北京',
  startNote: `2019年12月，人民银行批准北京率先开展金融科技创新监管试点（${SOURCES.approval}）；具体日期未公开。`,
  directionLabel: '类别',
  directionLabelEn: 'Class',
  published: [
    { key: 'PROJECTS', value: 22, asOf: '2020-12-25', source: SOURCES.batch3 },
    { key: 'COMPLETED', value: 3, asOf: '2021-09-28', source: SOURCES.exits },
  ],
} as const;

/** From batch 2 on each application is classed as 金融服务 or 科技产品; batch 1 was not classed, and no class is given per application. */
export const classes = [
  { code: 'FS', name: '金融服务', nameEn: 'Financial service' },
  { code: 'TP', name: '科技产品', nameEn: 'Technology product' },
] as const;

/** Technologies the batch-1 notices name that the catalogue lacks. */
export const technologies = [
  { name: '支付标记化', nameEn: 'Payment tokenisation', sourced: true },
  { name: '开放银行API', nameEn: 'Open banking API', sourced: true },
  { name: '可信执行环境', nameEn: 'Trusted execution environment', sourced: true },
] as const;

export type SandboxApplication = {
  code: string;
  name: string;
  batch: 1 | 2;
  /** In the order the notice lists them; the first is taken as the applicant when there are several (an inference). */
  institutions: string[];
  technologies: string[];
  /** The application completed its test (出箱) on 2021-09-28. */
  exited: boolean;
};

export const NOTICE_DATES = { 1: '2020-01-14', 2: '2020-06-02', 3: '2020-12-25' } as const;
export const BATCH1_REGISTERED = '2020-03-16';
export const EXIT_DATE = '2021-09-28';
/** "All three Beijing exits of 2021-09-28 had run live for more than 6 months": registered by 2021-03-28. */
export const EXIT_LIVE_BY = '2021-03-28';

export const applications: SandboxApplication[] = [
  { code: 'BJSB-01', name: '基于物联网的物品溯源认证管理与供应链金融', batch: 1, institutions: ['工商银行'], technologies: ['物联网', '区块链'], exited: true },
  { code: 'BJSB-02', name: '微捷贷产品', batch: 1, institutions: ['农业银行'], technologies: ['大数据'], exited: false },
  {
    code: 'BJSB-03',
    name: '中信银行智令产品',
    batch: 1,
    institutions: ['中信银行', '中国银联', '度小满', '携程'],
    technologies: ['支付标记化'],
    exited: false,
  },
  { code: 'BJSB-04', name: 'AIBank Inside产品', batch: 1, institutions: ['百信银行'], technologies: ['开放银行API'], exited: true },
  { code: 'BJSB-05', name: '快审快贷产品', batch: 1, institutions: ['宁波银行'], technologies: ['大数据'], exited: false },
  { code: 'BJSB-06', name: '手机POS创新应用', batch: 1, institutions: ['中国银联', '小米数科', '京东数科'], technologies: ['可信执行环境'], exited: false },
  { code: 'BJSB-07', name: '基于智能机器人的移动金融服务项目', batch: 2, institutions: ['工商银行'], technologies: [], exited: false },
  { code: 'BJSB-08', name: '基于区块链的产业金融服务', batch: 2, institutions: ['中国银行'], technologies: [], exited: true },
  { code: 'BJSB-09', name: '5G+智能银行', batch: 2, institutions: ['建设银行'], technologies: [], exited: false },
  { code: 'BJSB-10', name: '普惠小微企业贷产品', batch: 2, institutions: ['北京银行'], technologies: [], exited: false },
  { code: 'BJSB-11', name: '"一路行"移动终端理赔产品', batch: 2, institutions: ['中国人寿', '中国人寿北京分公司'], technologies: [], exited: false },
  {
    code: 'BJSB-12',
    name: '多方数据学习"政融通"在线融资项目',
    batch: 2,
    institutions: ['腾讯云计算', '北京小微企业金融综合服务有限公司', '浦发银行北京分行'],
    technologies: [],
    exited: false,
  },
  { code: 'BJSB-13', name: '天翼智能风险监控产品', batch: 2, institutions: ['中国电信', '翼支付'], technologies: [], exited: false },
  { code: 'BJSB-14', name: '国网智能图谱风控产品', batch: 2, institutions: ['国网征信', '邮政银行'], technologies: [], exited: false },
  { code: 'BJSB-15', name: '移动金融云签盾', batch: 2, institutions: ['中金金融认证中心', '民生银行'], technologies: [], exited: false },
  {
    code: 'BJSB-16',
    name: '基于区块链的企业电子身份认证信息系统',
    batch: 2,
    institutions: ['国家计算机网络与信息安全管理中心', '中关村银行', '百信银行', '民生银行北京分行'],
    technologies: [],
    exited: false,
  },
  { code: 'BJSB-17', name: '智能云小店服务', batch: 2, institutions: ['拉卡拉支付'], technologies: [], exited: false },
];

/** Batch 3: five applications in public notice on 2020-12-25, never named. */
export const UNNAMED_BATCH3 = 5;
export const placeholderCode = (n: number) => `BJSB-${String(applications.length + n).padStart(2, '0')}`;
export const placeholderName = (n: number) => `未公开沙盒应用 ${String(applications.length + n).padStart(2, '0')}`;

/**
 * The kind of an institution as read from its name, when the name says it
 * (a bank, a payment company); otherwise unknown. Always marked as inferred.
 */
export function kindFromName(name: string): 'BANK' | 'PAYMENT_ORG' | null {
  if (/银行|分行/.test(name)) return 'BANK';
  if (/支付/.test(name)) return 'PAYMENT_ORG';
  return null;
}
