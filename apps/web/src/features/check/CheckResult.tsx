import { Anchor, Box, Button, Card, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { CheckItem, CheckResponse, PublicVerdict } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../ui/format';
import { codeMessageText } from '../../ui/messages';
import { appealLink, appealSubject } from '../appeals/links';
import { VerdictIcon } from './VerdictIcon';
import {
  allowlistCategoryOf,
  fillVariable,
  itemVerdictKey,
  localised,
  safeLink,
  verdictBodyKey,
  verdictPresentation,
  verdictTitleKey,
} from './verdict';

/** The overall answer: the most serious verdict, in big words, with what it means. */
export function VerdictBanner({ response }: { response: CheckResponse }) {
  const { t } = useTranslation();
  const nothingFound = response.items.length === 0;
  const presentation = nothingFound ? verdictPresentation.no_data : verdictPresentation[response.verdict];
  return (
    <Paper
      radius="md"
      style={{ border: `2px solid ${fillVariable(presentation)}`, overflow: 'hidden' }}
      data-banner-color={presentation.color}
    >
      <Group bg={presentation.fill} c="white" px="md" py="sm" gap="sm" wrap="nowrap" align="center">
        <Box style={{ flex: 'none', display: 'flex' }}>
          <VerdictIcon name={presentation.icon} size={34} />
        </Box>
        <Text component="p" fw={800} fz={{ base: 22, sm: 26 }} lh={1.25}>
          {nothingFound ? t('check.nothingFound') : t(verdictTitleKey[response.verdict])}
        </Text>
      </Group>
      <Stack bg={`${presentation.color}.0`} px="md" py="sm" gap={4}>
        <Text fz="md">
          {nothingFound ? t('check.nothingFoundBody') : t(verdictBodyKey[response.verdict])}
        </Text>
        {response.items.length > 1 && (
          <Text size="sm" c="dimmed">
            {t('check.checkedCount', { items: response.items.length })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

export function VerdictTag({ verdict }: { verdict: PublicVerdict }) {
  const { t } = useTranslation();
  const presentation = verdictPresentation[verdict];
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon color={presentation.fill} size={30} radius="xl" aria-hidden="true">
        <VerdictIcon name={presentation.icon} size={18} />
      </ThemeIcon>
      <Text fw={800} tt="uppercase" fz="sm">
        {t(itemVerdictKey[verdict])}
      </Text>
    </Group>
  );
}

/**
 * The way to act on a warning, filled and full-width on a phone so that it is not missed: the report form
 * (a path of this app, opened without reloading it) or, should the server name one, another address.
 */
function ReportButton({ url }: { url: string }) {
  const { t } = useTranslation();
  const look = {
    color: 'red.9',
    size: 'lg',
    w: { base: '100%', xs: 'auto' },
    'data-testid': 'check-report-link',
  };
  const label = t('reportForm.reportNow');
  return url.startsWith('/') ? (
    <Button component={Link} to={url} {...look}>
      {label}
    </Button>
  ) : (
    <Button component="a" href={url} {...look}>
      {label}
    </Button>
  );
}

/** One identifier found in the text: what it is, the verdict, why, and what to do. */
export function CheckItemCard({ item, index }: { item: CheckItem; index: number }) {
  const { t, i18n } = useTranslation();
  const presentation = verdictPresentation[item.verdict];
  const headingId = `check-item-${index}`;
  const reportUrl = safeLink(item.reportUrl);
  const category = item.official ? allowlistCategoryOf(item.official.category) : null;
  // A count of 0 (only agencies reported it) says nothing a citizen needs; the date still does.
  const reportFacts = [
    item.reportCount ? t('check.reportCount', { reports: formatNumber(item.reportCount) }) : null,
    item.lastReportedAt ? t('check.lastReported', { date: formatDate(item.lastReportedAt) }) : null,
  ].filter((fact) => fact !== null);
  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      component="article"
      aria-labelledby={headingId}
      style={{ borderLeft: `6px solid ${fillVariable(presentation)}` }}
      data-testid="check-item"
      data-verdict={item.verdict}
      data-kind={item.kind}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <VerdictTag verdict={item.verdict} />
          <Text size="sm" c="dimmed" fw={600}>
            {t(`indicatorKind.${item.kind}`)}
          </Text>
        </Group>
        <Title order={3} fz={{ base: 'lg', sm: 'xl' }} id={headingId} className="khien-mono">
          {item.display}
        </Title>
        {item.official && (
          <Text>
            {t('check.officialOf', { organisation: item.official.organisation })}
            {category && ` · ${t(`allowlistCategory.${category}`)}`}
          </Text>
        )}
        {item.imitates && (
          <Box bg="orange.0" p="sm" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
            <Text fw={700}>{t('check.imitates', { brand: item.imitates.brand })}</Text>
            {item.imitates.officialDomains.length > 0 && (
              <Text size="sm">
                {t('check.officialDomains')}{' '}
                <Text span className="khien-mono" fw={600} size="sm">
                  {item.imitates.officialDomains.join(', ')}
                </Text>
              </Text>
            )}
          </Box>
        )}
        {item.reasons.length > 0 && (
          <div>
            <Text fw={700} size="sm" mb={2}>
              {t('check.reasons')}
            </Text>
            <List spacing={4} size="md">
              {item.reasons.map((reason) => (
                <List.Item key={reason.code}>{localised(reason, i18n.language)}</List.Item>
              ))}
            </List>
          </div>
        )}
        {reportFacts.length > 0 && (
          <Text size="sm" c="dimmed">
            {reportFacts.join(' · ')}
          </Text>
        )}
        {item.advice.length > 0 && (
          <div>
            <Text fw={700} size="sm" mb={2}>
              {t('check.advice')}
            </Text>
            <List spacing={4} size="md">
              {item.advice.map((advice) => (
                <List.Item key={advice.code}>{localised(advice, i18n.language)}</List.Item>
              ))}
            </List>
          </div>
        )}
        {reportUrl && <ReportButton url={reportUrl} />}
        {item.appealable && (
          <Text size="sm" data-testid="check-appeal">
            {t(`check.appealQuestion.${appealSubject(item.kind)}`)}{' '}
            <Anchor component={Link} to={appealLink(item.display)} fw={700} data-testid="check-appeal-link">
              {t('check.appealLink')}
            </Anchor>
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** The parts of the text that looked like an identifier but could not be read. */
export function CheckProblems({ problems }: { problems: CheckResponse['problems'] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="check-problems-title">
      <Title order={3} fz="md" mb="xs" id="check-problems-title">
        {t('check.problemsTitle')}
      </Title>
      <List spacing="xs">
        {problems.map((problem, index) => {
          // A code the app has words for (the QR reader's) is said in the page's language.
          const known = codeMessageText(problem.code);
          const input = problem.input === 'image' ? t('check.imageInput') : problem.input;
          return (
            <List.Item key={`${index}:${problem.input}`} data-testid="check-problem" data-code={problem.code}>
              <Text span fw={600} style={{ overflowWrap: 'anywhere' }}>
                {t('check.problem', { input })}
              </Text>
              {known ? (
                <Text size="sm">{known}</Text>
              ) : (
                problem.message && (
                  <Text size="sm" c="dimmed" lang="en">
                    {problem.message}
                  </Text>
                )
              )}
            </List.Item>
          );
        })}
      </List>
    </Card>
  );
}
