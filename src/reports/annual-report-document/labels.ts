import type { AnnualReportFigures as F } from './figures.js'

// The words the report uses for each enum value of the figures' maps, in the order the report
// lists them. They are the report's words, not the API's labels: a report says 进乡村, not 村.

export const conclusionLabels = {
  lawful: '合法',
  lawful_with_revisions: '修改后合法',
  unlawful: '不合法',
} as const satisfies Record<keyof F['decisions']['byConclusion'], string>

export const publicityCategoryLabels = {
  policy_document: '政策文件',
  fiscal: '财政信息',
  enforcement: '执法信息',
  decision: '重大决策',
  village_affairs: '村务信息',
  other: '其他信息',
} as const satisfies Record<keyof F['publicity']['byCategory'], string>

export const publicityChannelLabels = {
  government_platform: '政务平台',
  notice_board: '公开栏',
  grid_group: '网格群',
  website: '门户网站',
  wechat: '微信公众号',
  other: '其他渠道',
} as const satisfies Record<keyof F['publicity']['byChannel'], string>

/** 法治进乡村、进社区、进学校、进企业: the four venues the outreach figures count. */
export const outreachVenueLabels = {
  village: '进乡村',
  community: '进社区',
  school: '进学校',
  enterprise: '进企业',
} as const satisfies Partial<Record<keyof F['legalEducation']['byVenueType'], string>>

export const otherVenueLabels = {
  government: '进机关',
  online: '线上',
  other: '其他场所',
} as const satisfies Partial<Record<keyof F['legalEducation']['byVenueType'], string>>

export const disputeCategoryLabels = {
  land: '土地纠纷',
  neighborhood: '邻里纠纷',
  marriage_family: '婚姻家庭纠纷',
  labor: '劳资纠纷',
  contract: '合同纠纷',
  property_management: '物业纠纷',
  damages: '损害赔偿纠纷',
  village_affairs: '村务纠纷',
  other: '其他纠纷',
} as const satisfies Record<keyof F['disputes']['byCategory'], string>

export const facilityLabels = {
  rule_of_law_square: '法治文化广场',
  legal_service_window: '法治服务窗口',
  mediation_room: '调解室',
  legal_library: '法治书屋',
  other: '其他法治阵地',
} as const satisfies Record<keyof F['gridUnits']['facilities'], string>
