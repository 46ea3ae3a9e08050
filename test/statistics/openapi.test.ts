import t from 'tap'
import { demoReportExample } from '../../src/reports/statistics-example.js'
import { buildTestApp } from '../helpers/app.js'

const { app } = await buildTestApp(t)
const res = await app.inject({ method: 'GET', url: '/openapi.json' })
const doc = res.json()
const components = doc.components.schemas

t.test('the statistics operation: its scope, parameters and answers', async (t) => {
  const op = doc.paths['/v1/statistics'].get
  t.equal(op.operationId, 'getStatistics')
  t.same(op.tags, ['Statistics'])
  t.match(op.description, /statistics:read/)
  t.same(op.parameters.map((p: any) => [p.name, p.in, p.required]), [['year', 'query', true], ['gridUnitId', 'query', false]])
  t.equal(op.responses['200'].content['application/json'].schema.$ref, '#/components/schemas/Statistics')
  for (const status of ['400', '401', '403', '404', '429', '500', '503']) t.ok(op.responses[status], `declares ${status}`)
})

t.test('the annual report is documented as text/markdown with the demo town’s report as example', async (t) => {
  const op = doc.paths['/v1/reports/annual'].get
  t.equal(op.operationId, 'getAnnualReport')
  const markdown = op.responses['200'].content['text/markdown']
  t.equal(markdown.schema.type, 'string')
  t.equal(markdown.example, demoReportExample)
  t.notOk(op.responses['200'].content['application/json'], 'no JSON answer is promised')
})

t.test('the Statistics component has exactly the contract’s members, closed at every level', async (t) => {
  const statistics = components.Statistics
  t.same(Object.keys(statistics.properties), ['year', 'gridUnit', 'meetings', 'workPlans', 'decisions', 'legalServices', 'publicity', 'enforcement', 'supervision', 'legalEducation', 'disputes', 'gridUnits'])
  const member = (name: string) => components[statistics.properties[name].$ref.split('/').pop()]
  t.same(Object.keys(member('meetings').properties), ['specialMeetings', 'centralGroupStudies', 'executiveStudies', 'principalChaired', 'issuesStudied', 'issuesResolved'])
  t.same(Object.keys(member('workPlans').properties), ['adopted', 'tasks', 'tasksDone', 'tasksOverdue'])
  t.same(Object.keys(member('decisions').properties), ['total', 'legalityReviewed', 'byConclusion', 'adopted', 'published'])
  t.same(Object.keys(member('legalServices').properties), ['governmentServices', 'legalOpinions', 'publicServed', 'byKind'])
  t.same(Object.keys(member('publicity').properties), ['items', 'byCategory', 'byChannel'])
  t.same(Object.keys(member('enforcement').properties), ['registered', 'decided', 'majorLegallyReviewed', 'withRecordings', 'published', 'overdue', 'reconsiderations', 'litigations', 'lost'])
  t.same(Object.keys(member('supervision').properties), ['specialInspections', 'caseFileReviews', 'selfInspections', 'riskScreenings', 'findings', 'rectified'])
  t.same(Object.keys(member('legalEducation').properties), [
    'events', 'byVenueType', 'outreach', 'materialsDistributed', 'attendance', 'mediaItems', 'cadreTrainings', 'officerTrainings', 'studySessions',
  ])
  t.same(Object.keys(components[member('legalEducation').properties.outreach.$ref.split('/').pop()].properties), ['events', 'materialsDistributed', 'attendance'])
  t.same(Object.keys(member('disputes').properties), ['total', 'resolved', 'resolutionRate', 'open', 'overdue', 'byCategory', 'petitionBacklogResolved'])
  t.same(Object.keys(member('gridUnits').properties), [
    'grids', 'gridWorkers', 'legalLiterates', 'villagesAndCommunities', 'withLegalAdviser', 'legalAdviserCoverage', 'facilities', 'facilitiesEstablished',
  ])

  const open: string[] = []
  const walk = (schema: any, path: string) => {
    if (!schema || typeof schema !== 'object') return
    if (schema.type === 'object' && schema.additionalProperties !== false) open.push(path)
    for (const [name, child] of Object.entries(schema.properties ?? {})) walk(child, `${path}/${name}`)
  }
  const figures = ['MeetingFigures', 'WorkPlanFigures', 'DecisionFigures', 'LegalServiceFigures', 'PublicityFigures', 'EnforcementFigures', 'SupervisionFigures']
  for (const name of ['Statistics', 'StatisticsGridUnit', ...figures, 'LegalEducationFigures', 'OutreachFigures', 'DisputeFigures', 'GridUnitFigures']) {
    walk(components[name], name)
  }
  t.same(open, [], 'every object is additionalProperties: false')
})
