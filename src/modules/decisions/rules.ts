import type { RuleViolation } from '../../core/problems.js'
import type { WritableOf } from '../../records/define-resource.js'
import type { DecisionCreate } from './schema.js'
import { stepNames } from './steps.js'

type Decision = WritableOf<typeof DecisionCreate>

// Instants arrive normalised to UTC ISO strings, so Date.parse compares them exactly.
const instant = (value: string | undefined): number => (value === undefined ? Number.NaN : Date.parse(value))

/** When a step was done: its completion, or the meeting that decided. */
function stepTime(decision: Decision, name: (typeof stepNames)[number]): string | undefined {
  if (name === 'collectiveDiscussion') return decision.collectiveDiscussion?.heldAt
  return decision[name]?.completedAt
}

/** Every broken rule of a decision as it would be stored; checked on create and on every change. */
export function decisionRules(next: Decision): RuleViolation[] {
  const violations: RuleViolation[] = []
  const review = next.legalityReview
  const discussion = next.collectiveDiscussion
  const status = next.status

  // 重大行政决策程序暂行条例: a draft not reviewed, or found unlawful, may not go to collective discussion.
  if (discussion) {
    const problem = !review
      ? 'has no legality review'
      : review.conclusion === 'unlawful'
        ? 'was found unlawful by its legality review'
        : instant(review.completedAt) >= instant(discussion.heldAt)
          ? 'had its legality review completed only at or after the discussion was held'
          : null
    if (problem) {
      violations.push({
        rule: 'legality-review-before-discussion',
        pointer: '/collectiveDiscussion',
        message: `a decision that ${problem} cannot have a collective discussion; it needs a lawful or lawful_with_revisions review completed before heldAt`,
      })
    }
  }

  if (status === 'adopted' && discussion?.outcome !== 'adopted') {
    violations.push({ rule: 'adoption-needs-discussion', pointer: '/collectiveDiscussion', message: 'an adopted decision needs a collective discussion whose outcome is adopted' })
  }

  // Only the deciding body rejects: at its discussion, or by refusing a draft its legality review found unlawful.
  if (status === 'rejected' && discussion?.outcome !== 'rejected' && review?.conclusion !== 'unlawful') {
    violations.push({
      rule: 'rejection-needs-grounds',
      message: 'a rejected decision needs a collective discussion whose outcome is rejected, or a legality review that found it unlawful',
    })
  }

  const proposedAt = instant(next.proposedAt)
  const early = stepNames.filter((name) => next[name] !== undefined && instant(stepTime(next, name)) < proposedAt)
  if (early.length > 0) {
    violations.push({ rule: 'steps-after-proposal', message: `${early.join(', ')} cannot be done before the decision was proposed (proposedAt)` })
  }

  if (next.publishedAt !== undefined) {
    if (status !== 'adopted') {
      violations.push({ rule: 'publication-after-adoption', pointer: '/publishedAt', message: 'only an adopted decision is published; publishedAt needs status adopted' })
    } else if (discussion && instant(next.publishedAt) < instant(discussion.heldAt)) {
      violations.push({ rule: 'publication-after-adoption', pointer: '/publishedAt', message: 'publishedAt cannot be before the collective discussion that adopted the decision (heldAt)' })
    }
  }
  return violations
}
