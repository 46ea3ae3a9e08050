import type { DataPlan } from './config.js'
import { disputePlacement, gridArraySql, spread, townNamesSql, villageNamesSql } from './dataset.js'

// One INSERT … SELECT per batch of rows lo..hi; every row meets the rules of its status, so the
// service reads and serializes it like a record it wrote itself.

export interface Generator {
  table: string
  total: number
  batch(lo: number, hi: number): string
}

const pickBy = (row: string, values: readonly string[], seed: number) =>
  `(ARRAY[${values.map((v) => `'${v}'`).join(',')}])[1 + bench.h(${row}, ${seed}, ${values.length})]`
const pick = (values: readonly string[], seed: number) => pickBy('i', values, seed)
const village = `${villageNamesSql}[1 + w.k / 10]`
const town = `${townNamesSql}[1 + w.k / 80]`

export const disputeCategories = ['land', 'neighborhood', 'marriage_family', 'labor', 'contract', 'property_management', 'damages', 'village_affairs', 'other']
// Four subjects per category, in category order; two of land's contain 土地, the `q` scenario's word.
const subjects = [
  '土地流转', '承包地边界', '宅基地', '土地征收补偿',
  '邻里噪音', '院墙越界', '排水沟渠', '宠物伤人',
  '离婚财产分割', '老人赡养', '抚养费', '遗产继承',
  '拖欠工资', '工伤赔偿', '劳动合同解除', '加班费',
  '农资买卖合同', '房屋租赁合同', '民间借贷', '农机作业合同',
  '物业费', '停车位', '电梯维修', '小区绿化',
  '交通事故赔偿', '人身损害赔偿', '牲畜损害庄稼', '财产损害赔偿',
  '村务公开', '集体收益分配', '村道占用', '集体资产承包',
  '其他事项', '网络购物', '房屋买卖', '合伙经营',
]

export function disputes(total: number, plan: DataPlan): Generator {
  const placement = disputePlacement(total, plan)
  const category = `(ARRAY[${disputeCategories.map((c) => `'${c}'`).join(',')}])[1 + x.c]`
  const subject = `(ARRAY[${subjects.map((s) => `'${s}'`).join(',')}])[1 + x.c * 4 + bench.h(w.n, 5, 4)]`
  const status = `CASE WHEN x.s < 10 THEN 'reported' WHEN x.s < 20 THEN 'mediating' WHEN x.s < 85 THEN 'resolved' WHEN x.s < 93 THEN 'escalated' ELSE 'unresolved' END`
  const resolvedAt = `w.at + make_interval(days => 1 + bench.h(w.n, 8, 40))`
  return {
    table: 'disputes',
    total,
    batch: (lo, hi) => `
      INSERT INTO disputes (grid_unit_id, title, description, category, source, is_petition_backlog, parties, reported_at, mediator, status, resolution, created_at, updated_at)
      SELECT g.ids[1 + w.k],
             ${village} || ${pickBy('w.n', ['一组', '二组', '三组', '四组', '五组', '六组'], 4)} || ${subject} || '纠纷',
             CASE WHEN bench.h(w.n, 7, 10) < 6 THEN bench.person(w.n, 20) || '与' || bench.person(w.n, 22) || '因' || ${subject} || '问题发生争议，' ||
               ${pickBy('w.n', ['网格员入户排查时发现。', '经12345热线转入网格。', '当事人到镇综治中心反映。'], 9)} END,
             ${category}, ${pickBy('w.n', ['grid_inspection', 'petition', 'hotline', 'walk_in', 'referral', 'other'], 10)}, bench.h(w.n, 11, 100) < 3,
             jsonb_build_array(jsonb_build_object('name', bench.person(w.n, 20), 'role', 'applicant', 'phone', bench.phone(w.n, 24)),
                               jsonb_build_object('name', bench.person(w.n, 22), 'role', 'respondent')),
             w.at,
             CASE WHEN x.s >= 10 THEN ${town} || '人民调解委员会 ' || bench.person(w.n, 26) END,
             ${status},
             CASE WHEN x.s >= 20 AND x.s < 85 THEN jsonb_build_object(
               'method', ${pickBy('w.n', ['people_mediation', 'administrative_mediation', 'judicial_confirmation', 'legal_aid', 'litigation_guidance', 'other'], 12)},
               'summary', '经' || ${village} || '调委会调解，双方达成协议', 'agreementReached', true, 'resolvedAt', bench.iso(${resolvedAt})) END,
             w.at + interval '2 hours',
             CASE WHEN x.s >= 20 AND x.s < 85 THEN ${resolvedAt} ELSE w.at + interval '2 hours' END
        FROM generate_series(${lo}::bigint, ${hi}::bigint) AS i
             CROSS JOIN ${gridArraySql} g
             CROSS JOIN ${placement.sql}
             CROSS JOIN LATERAL (SELECT bench.h(w.n, 2, 9) AS c, bench.h(w.n, 3, 100) AS s) x`,
  }
}

export function decisions(total: number, plan: DataPlan): Generator {
  const status = `CASE WHEN x.s < 10 THEN 'draft' WHEN x.s < 20 THEN 'under_review' WHEN x.s < 80 THEN 'adopted' WHEN x.s < 90 THEN 'rejected' ELSE 'withdrawn' END`
  const conclusion = `CASE WHEN x.s >= 20 THEN ${pick(['lawful', 'lawful', 'lawful', 'lawful_with_revisions'], 3)} ELSE ${pick(['lawful', 'lawful_with_revisions', 'unlawful'], 4)} END`
  return {
    table: 'decisions',
    total,
    batch: (lo, hi) => `
      INSERT INTO decisions (grid_unit_id, title, summary, category, proposed_by, proposed_at, status, risk_assessment, legality_review, collective_discussion, created_at, updated_at)
      SELECT g.ids[1 + w.k],
             '关于' || ${village} || ${pick(['土地流转管理办法', '村庄规划调整', '农田水利建设项目', '集体资金使用', '人居环境整治方案', '产业发展扶持资金'], 2)} || '的决策',
             CASE WHEN bench.h(i, 5, 2) = 0 THEN '经调研论证，拟提交集体讨论。' END,
             ${pick(['major_matter', 'cadre_appointment', 'major_project', 'large_fund', 'normative_document', 'other'], 6)},
             ${town} || ${pick(['农业综合服务中心', '社会事务办公室', '综合行政执法局', '党政办公室'], 7)},
             w.at, ${status},
             CASE WHEN x.s >= 10 THEN jsonb_build_object('level', ${pick(['low', 'medium', 'high'], 8)}, 'completedAt', bench.iso(w.at + interval '5 days')) END,
             CASE WHEN x.s >= 10 AND x.s < 90 THEN jsonb_build_object('reviewer', ${town} || '司法所', 'conclusion', ${conclusion}, 'completedAt', bench.iso(w.at + interval '10 days')) END,
             CASE WHEN x.s >= 20 AND x.s < 90 THEN jsonb_build_object('meeting', ${town} || '党委会', 'heldAt', bench.iso(w.at + interval '20 days'),
               'outcome', CASE WHEN x.s < 80 THEN 'adopted' ELSE 'rejected' END) END,
             w.at, w.at + interval '20 days'
        FROM generate_series(${lo}::bigint, ${hi}::bigint) AS i
             CROSS JOIN ${gridArraySql} g CROSS JOIN ${spread(total, plan)}
             CROSS JOIN LATERAL (SELECT bench.h(i, 1001, 100) AS s) x`,
  }
}

export function enforcementCases(total: number, plan: DataPlan): Generator {
  const status = `CASE WHEN x.s < 5 THEN 'registered' WHEN x.s < 10 THEN 'investigating' WHEN x.s < 15 THEN 'legal_review' WHEN x.s < 35 THEN 'decided' WHEN x.s < 95 THEN 'closed' ELSE 'dismissed' END`
  const officers = `jsonb_build_array(jsonb_build_object('name', bench.person(i, 30), 'certificateNumber', '1508261' || lpad(bench.h(i, 31, 10000)::text, 4, '0')),
                                      jsonb_build_object('name', bench.person(i, 32), 'certificateNumber', '1508262' || lpad(bench.h(i, 33, 10000)::text, 4, '0')))`
  return {
    table: 'enforcement_cases',
    total,
    batch: (lo, hi) => `
      INSERT INTO enforcement_cases (grid_unit_id, case_number, title, domain, is_major, party, officers, registered_at, status, legal_review, decision, recordings, reviews, created_at, updated_at)
      SELECT g.ids[1 + w.k], '杭后综执罚〔' || extract(year FROM w.at AT TIME ZONE 'Asia/Shanghai') || '〕' || i || '号',
             bench.person(i, 34) || ${pick(['违法占地建房', '无证经营', '违规排放污水', '安全生产隐患', '销售过期食品', '违规焚烧秸秆', '超限运输'], 2)} || '案',
             ${pick(['urban_management', 'land_resources', 'environment', 'safety_production', 'market_regulation', 'agriculture', 'transport', 'other'], 3)},
             x.major,
             jsonb_build_object('type', 'person', 'name', bench.person(i, 34), 'phone', bench.phone(i, 35)),
             CASE WHEN x.s >= 5 THEN ${officers} ELSE '[]'::jsonb END,
             w.at, ${status},
             CASE WHEN x.major AND x.s >= 15 AND x.s < 95 THEN jsonb_build_object('reviewer', ${town} || '司法所', 'conclusion', 'approved', 'completedAt', bench.iso(w.at + interval '15 days')) END,
             CASE WHEN x.s >= 15 AND x.s < 95 THEN jsonb_build_object('type', 'fine', 'fineAmountFen', 10000 * (1 + bench.h(i, 36, 50)), 'decidedAt', bench.iso(w.at + interval '20 days')) END,
             CASE WHEN x.s >= 35 AND x.s < 95 OR x.s % 2 = 0 THEN jsonb_build_array(jsonb_build_object('kind', 'body_camera', 'uri', 'https://evidence.example.gov.cn/' || i || '.mp4', 'recordedAt', bench.iso(w.at + interval '1 day'))) ELSE '[]'::jsonb END,
             CASE WHEN x.s >= 35 AND x.s < 95 AND bench.h(i, 37, 50) = 0 THEN jsonb_build_array(jsonb_build_object('kind', ${pick(['reconsideration', 'litigation'], 38)},
               'filedAt', bench.iso(w.at + interval '40 days'), 'result', ${pick(['upheld', 'upheld', 'revoked', 'dismissed'], 39)}, 'closedAt', bench.iso(w.at + interval '100 days'))) ELSE '[]'::jsonb END,
             w.at, w.at + interval '20 days'
        FROM generate_series(${lo}::bigint, ${hi}::bigint) AS i
             CROSS JOIN ${gridArraySql} g CROSS JOIN ${spread(total, plan)}
             CROSS JOIN LATERAL (SELECT bench.h(i, 1002, 100) AS s, bench.h(i, 1003, 20) = 0 AS major) x`,
  }
}

export function legalEducationEvents(total: number, plan: DataPlan): Generator {
  return {
    table: 'legal_education_events',
    total,
    batch: (lo, hi) => `
      INSERT INTO legal_education_events (grid_unit_id, title, theme, format, venue_type, audience, location, organizer, starts_at, ends_at,
                                          materials_distributed, attendance, media_items, created_at, updated_at)
      SELECT g.ids[1 + w.k], ${village} || ${pick(['民法典宣传进村入户', '宪法宣传周活动', '反诈宣传讲座', '法律明白人培训', '干部学法会', '普法文艺演出'], 2)},
             ${pick(['民法典宣传月', '国家宪法日', '宪法宣传周', '全民国家安全教育日'], 3)},
             ${pick(['lecture', 'exhibition', 'consultation_desk', 'broadcast', 'short_video', 'performance', 'training', 'study_session', 'other'], 4)},
             ${pick(['village', 'school', 'enterprise', 'community', 'government', 'online', 'other'], 5)},
             ${pick(['villagers', 'students', 'enterprise_staff', 'cadres', 'general_public', 'other'], 6)},
             ${village} || '党群服务中心', ${town} || '司法所', w.at, w.at + interval '2 hours',
             bench.h(i, 7, 300), bench.h(i, 8, 500), bench.h(i, 9, 4), w.at, w.at
        FROM generate_series(${lo}::bigint, ${hi}::bigint) AS i
             CROSS JOIN ${gridArraySql} g CROSS JOIN ${spread(total, plan)}`,
  }
}
