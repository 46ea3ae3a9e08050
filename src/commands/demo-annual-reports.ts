import type { DemoRecord } from './demo-record.js'
import { SHANBA_CODE, TUANJIE_CODE } from './demo-units.js'

// The annual reports (法治政府建设年度报告). 团结镇's 2025 report, filed with the county's office on
// 20 February 2026 (before the 1 March deadline), its figures frozen from the records above;
// 陕坝镇's still a draft. The narrative is the office's own words: section 六 of the town's report.

const addressee = '旗委全面依法治旗委员会办公室'

const tuanjieNarrative = {
  principalDuties:
    '镇党委书记认真履行推进法治建设第一责任人职责，把法治建设纳入全镇经济社会发展总体规划和年度工作计划，做到重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办；镇长落实法治政府建设主体责任，将法治政府建设与经济社会发展同部署、同推进、同督促、同考核。',
  shortcomings: [
    '法治宣传教育的针对性和实效性有待进一步增强。普法宣传形式还不够丰富，面向老年人、外出务工人员等群体的精准普法不足，部分群众遇事找法、解决问题用法的意识仍需提高。',
    '基层执法人员专业能力与新形势新任务的要求还有差距。综合行政执法改革后执法领域拓宽，执法人员中具有法律专业背景的较少，执法文书制作、证据固定等方面仍有薄弱环节。',
    '矛盾纠纷源头预防机制有待完善。土地、婚姻家庭、劳资等领域纠纷仍较多发，网格排查发现的苗头性问题与调解、信访等工作衔接还不够紧密。',
  ],
  nextSteps: [
    '持续深化普法宣传。深入实施“八五”普法规划，用好团结村法治文化广场和网格群，开展分众化、精准化普法，推动法治宣传教育进村入户。',
    '加强执法队伍建设。常态化开展执法人员业务培训和案卷评查，全面落实行政执法“三项制度”，提升严格规范公正文明执法水平。',
    '健全矛盾纠纷多元化解机制。坚持和发展新时代“枫桥经验”，发挥网格员、法律“明白人”和村（社区）法律顾问作用，把矛盾纠纷化解在基层、化解在萌芽状态。',
    '严格落实重大行政决策程序。坚持重大行政决策事项目录管理，落实公众参与、专家论证、风险评估、合法性审查、集体讨论决定等法定程序，充分发挥法律顾问作用，提高依法决策水平。',
  ],
}

const shanbaNarrative = {
  shortcomings: ['村（社区）法律顾问尚未实现全覆盖，民主村法律服务力量薄弱。'],
  nextSteps: [],
}

export const demoAnnualReports: DemoRecord[] = [
  {
    collection: 'annual-reports',
    unitCode: TUANJIE_CODE,
    marker: '团结镇2025年度法治政府建设情况报告',
    create: { year: 2025, title: '团结镇2025年度法治政府建设情况报告', addressee, issuer: '团结镇人民政府', narrative: tuanjieNarrative },
    // Drafted, then filed: the figures are frozen at this step.
    patches: [{ status: 'submitted', submittedAt: '2026-02-20T10:00:00+08:00' }],
  },
  {
    collection: 'annual-reports',
    unitCode: SHANBA_CODE,
    marker: '陕坝镇2025年度法治政府建设情况报告',
    create: { year: 2025, title: '陕坝镇2025年度法治政府建设情况报告', addressee, issuer: '陕坝镇人民政府', narrative: shanbaNarrative },
    patches: [],
  },
]
