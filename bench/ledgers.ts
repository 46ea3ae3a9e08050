import type { DataPlan } from './config.js'
import { gridArraySql, townNamesSql, townYearPlacement, villageNamesSql } from './dataset.js'
import type { Generator } from './records.js'

// The five ledgers, placed as the disputes are: `plan.townYearLedger` rows of each in 团结镇's
// year, drawn from their rank there, so the big table and the small twin hold the same town-year.
// Every row meets the rules of its status (src/modules/<name>/<name>.ts).

const pick = (values: readonly string[], seed: number) =>
  `(ARRAY[${values.map((v) => `'${v}'`).join(',')}])[1 + bench.h(w.n, ${seed}, ${values.length})]`
const village = `${villageNamesSql}[1 + w.k / 10]`
const town = `${townNamesSql}[1 + w.k / 80]`
const from = (total: number, plan: DataPlan, lo: number, hi: number) => `
        FROM generate_series(${lo}::bigint, ${hi}::bigint) AS i
             CROSS JOIN ${gridArraySql} g
             CROSS JOIN ${townYearPlacement(total, plan.townYearLedger, plan).sql}
             CROSS JOIN LATERAL (SELECT bench.h(w.n, 2, 100) AS s) x`
const shanghaiYear = `extract(year FROM w.at AT TIME ZONE 'Asia/Shanghai')::int`

export function ruleOfLawMeetings(total: number, plan: DataPlan): Generator {
  const resolved = `jsonb_build_object('title', ${village} || '土地承包经营权流转纠纷多发', 'status', 'resolved', 'resolvedAt', bench.iso(w.at + interval '30 days'))`
  const open = `jsonb_build_object('title', '行政执法人员持证率不高', 'status', 'open')`
  const batch = (lo: number, hi: number) => `
      INSERT INTO rule_of_law_meetings (grid_unit_id, title, kind, held_at, chaired_by, chair_is_principal, attendance, summary, issues, created_at, updated_at)
      SELECT g.ids[1 + w.k], ${town} || ${village} || ${shanghaiYear} || '年法治专题会议',
             ${pick(['special_meeting', 'central_group_study', 'executive_study', 'other'], 3)}, w.at,
             ${pick(['镇党委书记 ', '镇长 ', '村党支部书记 '], 4)} || bench.person(w.n, 5), x.s < 60, 10 + bench.h(w.n, 6, 50),
             CASE WHEN x.s < 50 THEN '传达学习习近平法治思想，研究部署法治政府建设重点任务' END,
             CASE WHEN x.s < 40 THEN jsonb_build_array(${resolved}) WHEN x.s < 70 THEN jsonb_build_array(${resolved}, ${open}) ELSE '[]'::jsonb END,
             w.at + interval '2 hours', w.at + interval '2 hours'${from(total, plan, lo, hi)}`
  return { table: 'rule_of_law_meetings', total, batch }
}

export function workPlans(total: number, plan: DataPlan): Generator {
  // draft 10 %, adopted 80 % (with adoptedAt), repealed 10 % (adopted before it was repealed).
  const status = `CASE WHEN x.s < 10 THEN 'draft' WHEN x.s < 90 THEN 'adopted' ELSE 'repealed' END`
  const task = (title: string, owner: string, days: number, done: boolean) =>
    `jsonb_build_object('title', '${title}', 'owner', '${owner}', 'dueOn', to_char((w.at + interval '${days} days') AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')` +
    (done ? `, 'doneAt', bench.iso(w.at + interval '${days - 10} days'))` : ')')
  const batch = (lo: number, hi: number) => `
      INSERT INTO work_plans (grid_unit_id, year, title, status, adopted_at, tasks, created_at, updated_at)
      SELECT g.ids[1 + w.k], ${shanghaiYear}, ${town} || ${village} || ${shanghaiYear} || '年法治政府建设工作方案', ${status},
             CASE WHEN x.s >= 10 THEN w.at + interval '10 days' END,
             jsonb_build_array(${task('落实重大行政决策合法性审查制度', '镇司法所', 120, true)},
                               ${task('开展行政执法案卷评查', '镇综合行政执法队', 240, false)}),
             w.at, CASE WHEN x.s >= 10 THEN w.at + interval '10 days' ELSE w.at END${from(total, plan, lo, hi)}`
  return { table: 'work_plans', total, batch }
}

export function legalServices(total: number, plan: DataPlan): Generator {
  const provider = pick(['government_legal_adviser', 'village_legal_adviser', 'service_window', 'judicial_office', 'other'], 3)
  const batch = (lo: number, hi: number) => `
      INSERT INTO legal_services (grid_unit_id, subject, provider, provider_name, recipient, kind, served_at, quantity, opinion_issued, notes, created_at, updated_at)
      SELECT g.ids[1 + w.k], ${pick(['审查', '咨询', '解答'], 4)} || ${village} || ${pick(['土地流转合同', '人居环境整治项目施工合同', '集体资产承包', '赡养纠纷'], 5)} || '事项',
             p.provider, CASE WHEN p.provider LIKE '%adviser' THEN '内蒙古河套律师事务所 ' || bench.person(w.n, 6) END,
             ${pick(['government', 'public'], 7)},
             ${pick(['contract_review', 'major_matter_consultation', 'petition_case', 'legal_consultation', 'mediation_guidance', 'legal_aid_referral', 'other'], 8)},
             w.at, CASE WHEN p.provider = 'service_window' THEN 1 + bench.h(w.n, 9, 20) ELSE 1 END, x.s < 30,
             CASE WHEN x.s < 20 THEN '提出修改意见，均被采纳' END,
             w.at + interval '1 hour', w.at + interval '1 hour'${from(total, plan, lo, hi)}
             CROSS JOIN LATERAL (SELECT ${provider} AS provider) p`
  return { table: 'legal_services', total, batch }
}

export function publicityItems(total: number, plan: DataPlan): Generator {
  // One or two channels, never the same one twice.
  const first = pick(['government_platform', 'grid_group', 'website', 'wechat', 'other'], 4)
  const batch = (lo: number, hi: number) => `
      INSERT INTO publicity_items (grid_unit_id, title, category, channels, published_at, uri, created_at, updated_at)
      SELECT g.ids[1 + w.k], ${town} || ${village} || ${shanghaiYear} || ${pick(['年第一季度财政预算执行情况', '年村务公开', '年行政执法公示', '年重大决策公开'], 3)},
             ${pick(['policy_document', 'fiscal', 'enforcement', 'decision', 'village_affairs', 'other'], 5)},
             CASE WHEN x.s < 50 THEN ARRAY[${first}, 'notice_board'] ELSE ARRAY[${first}] END, w.at,
             CASE WHEN x.s < 30 THEN 'https://www.hjhq.gov.cn/zwgk/' || i || '.html' END,
             w.at + interval '10 minutes', w.at + interval '10 minutes'${from(total, plan, lo, hi)}`
  return { table: 'publicity_items', total, batch }
}

export function inspections(total: number, plan: DataPlan): Generator {
  // planned 10 %, in progress 10 %, rectifying 10 % (a finding not yet put right), closed 70 % (ended, all put right).
  const status = `CASE WHEN x.s < 10 THEN 'planned' WHEN x.s < 20 THEN 'in_progress' WHEN x.s < 30 THEN 'rectifying' ELSE 'closed' END`
  const findings = `CASE WHEN x.s < 20 THEN '[]'::jsonb
      WHEN x.s < 30 THEN jsonb_build_array(jsonb_build_object('description', '3 件案卷缺少送达回证'))
      ELSE jsonb_build_array(jsonb_build_object('description', '3 件案卷缺少送达回证', 'rectifiedAt', bench.iso(w.at + interval '15 days'))) END`
  const batch = (lo: number, hi: number) => `
      INSERT INTO inspections (grid_unit_id, title, kind, domain, started_at, ended_at, cases_reviewed, findings, status, created_at, updated_at)
      SELECT g.ids[1 + w.k], ${shanghaiYear} || '年' || ${village} || ${pick(['安全生产领域执法专项检查', '行政执法案卷评查', '执法自查', '风险排查'], 3)},
             ${pick(['special_inspection', 'case_file_review', 'self_inspection', 'risk_screening'], 4)},
             ${pick(['urban_management', 'land_resources', 'environment', 'safety_production', 'market_regulation', 'agriculture', 'transport', 'other'], 5)},
             w.at, CASE WHEN x.s >= 30 THEN w.at + interval '20 days' END, bench.h(w.n, 6, 40), ${findings}, ${status},
             w.at - interval '5 days', CASE WHEN x.s >= 30 THEN w.at + interval '20 days' ELSE w.at END${from(total, plan, lo, hi)}`
  return { table: 'inspections', total, batch }
}

export const ledgerGenerators = [ruleOfLawMeetings, workPlans, legalServices, publicityItems, inspections]
