import type { AnnualReportFigures } from '../../src/reports/annual-report-document/figures.js'
import type { AnnualReportInput } from '../../src/reports/annual-report-document/model.js'

// 团结镇's 2025 figures as the example report states them (API.md, the table at the top), with the
// breakdowns a real year would have behind them.

export const tuanjie2025Figures: AnnualReportFigures = {
  year: 2025,
  gridUnit: { id: '0b9d5c1e-3f0a-4c5e-9a51-6f2d1e7c8a90', name: '团结镇', level: 'town' },
  meetings: { specialMeetings: 2, centralGroupStudies: 2, executiveStudies: 0, principalChaired: 4, issuesStudied: 8, issuesResolved: 8 },
  workPlans: { adopted: 1, tasks: 24, tasksDone: 24, tasksOverdue: 0 },
  decisions: { total: 4, legalityReviewed: 4, byConclusion: { lawful: 3, lawful_with_revisions: 1, unlawful: 0 }, adopted: 4, published: 4 },
  legalServices: {
    governmentServices: 8,
    legalOpinions: 2,
    publicServed: 156,
    byKind: {
      contract_review: 5,
      major_matter_consultation: 3,
      petition_case: 0,
      legal_consultation: 120,
      mediation_guidance: 36,
      legal_aid_referral: 0,
      other: 0,
    },
  },
  publicity: {
    items: 300,
    byCategory: { policy_document: 86, fiscal: 42, enforcement: 38, decision: 4, village_affairs: 120, other: 10 },
    byChannel: { government_platform: 300, notice_board: 120, grid_group: 260, website: 0, wechat: 45, other: 0 },
  },
  enforcement: {
    registered: 6,
    decided: 6,
    majorLegallyReviewed: 1,
    withRecordings: 6,
    published: 6,
    overdue: 0,
    reconsiderations: 0,
    litigations: 0,
    lost: 0,
  },
  supervision: { specialInspections: 2, caseFileReviews: 0, selfInspections: 0, riskScreenings: 0, findings: 3, rectified: 3 },
  legalEducation: {
    events: 12,
    byVenueType: { village: 2, school: 1, enterprise: 1, community: 0, government: 6, online: 2, other: 0 },
    outreach: { events: 4, materialsDistributed: 2150, attendance: 4200 },
    materialsDistributed: 2600,
    attendance: 4800,
    mediaItems: 12,
    cadreTrainings: 2,
    officerTrainings: 4,
    studySessions: 2,
  },
  disputes: {
    total: 29,
    resolved: 29,
    resolutionRate: 1,
    open: 0,
    overdue: 0,
    byCategory: {
      land: 9,
      neighborhood: 7,
      marriage_family: 5,
      labor: 3,
      contract: 2,
      property_management: 0,
      damages: 2,
      village_affairs: 1,
      other: 0,
    },
    petitionBacklogResolved: 2,
  },
  gridUnits: {
    grids: 76,
    gridWorkers: 202,
    legalLiterates: 82,
    villagesAndCommunities: 11,
    withLegalAdviser: 11,
    legalAdviserCoverage: 1,
    facilities: { rule_of_law_square: 2, legal_service_window: 1, mediation_room: 11, legal_library: 3, other: 0 },
    facilitiesEstablished: { rule_of_law_square: 1, legal_service_window: 0, mediation_room: 0, legal_library: 0, other: 0 },
  },
}

export const tuanjie2025: AnnualReportInput = {
  unitName: '团结镇',
  year: 2025,
  addressee: '旗委全面依法治旗委员会办公室',
  issuer: '团结镇人民政府',
  narrative: {
    principalDuties:
      '镇党委书记、镇长切实履行推进法治建设第一责任人职责，将法治政府建设纳入全镇年度重点工作，与经济社会发展同部署、同推进、同督促、同考核、同奖惩。',
    shortcomings: [
      '法治工作力量相对薄弱，镇村两级法治工作人员多为兼职，专业法律人才不足。',
      '普法宣传的针对性和实效性有待提升，宣传形式较为单一，群众参与度不够高。',
      '部分基层干部运用法治思维和法治方式解决问题的能力有待进一步提高。',
    ],
    nextSteps: [
      '持续深入学习贯彻习近平法治思想，压紧压实党政主要负责人履行推进法治建设第一责任人职责。',
      '加强法治工作队伍建设，充实镇村法治工作力量，常态化开展执法人员业务培训。',
      '创新普法宣传方式，用好短视频、图文等新媒体，推动法治宣传教育入脑入心。',
      '深化网格化服务管理，坚持和发展新时代“枫桥经验”，把矛盾纠纷化解在基层、化解在萌芽状态。',
    ],
  },
  status: 'submitted',
  date: '2026-02-20',
  figures: tuanjie2025Figures,
}

/**
 * Every figure of the fixture as the report phrases it, section by section (API.md's table, and the
 * breakdowns behind it): each must appear in the Markdown and in the PDF's text.
 */
export const tuanjie2025Phrases = [
  '党政主要负责人主持召开法治专题会议、党委中心组法治学习各2次，研究解决法治建设重点难点问题8件',
  '制定印发2025年度法治政府建设工作方案',
  '明确工作任务24项，已全部完成，无逾期未完成任务',
  '组织干部法治培训、专题学习4次，其中干部法治培训2次、专题学习2次',
  '全年提出重大行政决策4项，开展合法性审查4次，审查结论为合法3项、修改后合法1项',
  '经集体讨论决定通过4项，依法向社会公开4项',
  '为党委、政府提供法律服务8次，出具法律意见书2份，审查各类合同5件，提供重大事项法律咨询3次',
  '全年主动公开政务信息300条',
  '政策文件86条、财政信息42条、执法信息38条、重大决策4条、村务信息120条、其他信息10条',
  '政务平台300条、公开栏120条、网格群260条、微信公众号45条',
  '组织行政执法人员业务培训4次',
  '全年立案行政执法案件6件，作出行政处理决定6件',
  '公示执法决定6件，执法全过程记录案件6件，重大执法决定法制审核1件',
  '无立案超过90日未作出决定的案件',
  '全年无行政复议、行政诉讼案件，亦无败诉案件',
  '开展执法专项检查2次，发现问题3个，已全部整改到位',
  '深入开展“法治进乡村、进学校、进企业”活动4场，发放宣传资料2150份，受教育群众4200人次',
  '全年共开展各类普法活动12场，发放宣传资料2600份，受教育群众4800人次，其中进机关6场、线上2场',
  '创新普法形式，制作普法短视频、图文12条',
  '新建法治文化广场1个，辖区现有法治文化广场2个、法治服务窗口1个、调解室11个、法治书屋3个',
  '培育法律“明白人”82名',
  '全镇划分网格76个，配备网格员202名',
  '全年排查矛盾纠纷29件，全部化解，化解率100%',
  '土地纠纷9件、邻里纠纷7件、婚姻家庭纠纷5件、劳资纠纷3件、合同纠纷2件、损害赔偿纠纷2件、村务纠纷1件',
  '化解信访积案2起',
  '全年提供法律咨询120次、调解指引36次，服务群众156人次',
  '11个村（社区）均配备法律顾问，覆盖率100%，实现村（社区）法律顾问全覆盖',
]

/** The same figures with every count zero and every rate null: a unit that did nothing that year. */
export function nothingRecorded(figures: AnnualReportFigures = tuanjie2025Figures): AnnualReportFigures {
  const zero = (value: unknown): unknown =>
    typeof value === 'number'
      ? 0
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, zero(v)]))
        : value
  const zeroed = zero(figures) as AnnualReportFigures
  return {
    ...zeroed,
    year: figures.year,
    gridUnit: figures.gridUnit,
    disputes: { ...zeroed.disputes, resolutionRate: null },
    gridUnits: { ...zeroed.gridUnits, legalAdviserCoverage: null },
  }
}
