import { cst, type DemoRecord } from './demo-record.js'
import { SHANBA_CODE, TUANJIE_CODE } from './demo-units.js'

// The year's 法治政府建设工作方案: 团结镇's adopted at the first special meeting with its task list,
// every task done; 陕坝镇's adopted too, two of its tasks left undone past their dates.

type Task = [title: string, owner: string, dueOn: string, doneOn?: string]

const tuanjieTasks: Task[] = [
  ['召开法治建设专题会议，研究解决重点难点问题', '党政办公室', '2025-12-31', '2025-08-14'],
  ['组织党委理论学习中心组集体学法', '党建办公室', '2025-12-31', '2025-11-26'],
  ['落实重大行政决策合法性审查制度', '司法所', '2025-12-31', '2025-09-20'],
  ['健全政府法律顾问制度，规范法律意见书出具', '司法所', '2025-06-30', '2025-06-20'],
  ['推进政务公开标准化，做好政务平台、公示栏、网格群公开', '党政办公室', '2025-12-31', '2025-12-26'],
  ['落实行政执法“三项制度”', '综合行政执法局', '2025-12-31', '2025-12-15'],
  ['开展执法专项检查和行政执法案卷评查', '综合行政执法局', '2025-11-30', '2025-11-20'],
  ['组织行政执法人员业务培训', '综合行政执法局', '2025-11-30', '2025-11-13'],
  ['开展法治进乡村、进学校、进企业活动', '司法所', '2025-10-31', '2025-09-12'],
  ['建成团结村法治文化广场', '宣传文化服务中心', '2025-07-31', '2025-07-01'],
  ['培育法律“明白人”，实现每村不少于8名', '司法所', '2025-09-30', '2025-09-10'],
  ['开展矛盾纠纷排查化解，化解信访积案', '综治中心', '2025-12-31', '2025-12-30'],
]

const shanbaTasks: Task[] = [
  ['召开法治建设专题会议', '党政办公室', '2025-06-30', '2025-03-19'],
  ['开展干部法治培训', '司法所', '2025-09-30', '2025-07-09'],
  ['落实重大行政决策合法性审查制度', '司法所', '2025-12-31', '2025-11-05'],
  ['实现村（社区）法律顾问全覆盖', '司法所', '2025-12-31'],
  ['建立老旧小区物业纠纷调解工作机制', '综治中心', '2025-10-31'],
]

const plan = (unitCode: string, title: string, adoptedOn: string, tasks: Task[]): DemoRecord => ({
  collection: 'work-plans',
  unitCode,
  marker: title,
  create: { year: 2025, title, status: 'draft' },
  // Drafted, adopted at the meeting, then the task list filled in as the offices report back.
  patches: [
    { status: 'adopted', adoptedAt: cst(adoptedOn, '17:00') },
    { tasks: tasks.map(([title, owner, dueOn, doneOn]) => ({ title, owner, dueOn, ...(doneOn ? { doneAt: cst(doneOn, '17:30') } : {}) })) },
  ],
})

export const demoWorkPlans: DemoRecord[] = [
  plan(TUANJIE_CODE, '团结镇2025年法治政府建设工作方案', '2025-02-26', tuanjieTasks),
  plan(SHANBA_CODE, '陕坝镇2025年法治政府建设工作方案', '2025-03-19', shanbaTasks),
]
