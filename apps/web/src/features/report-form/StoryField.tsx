import { Text, Textarea } from '@mantine/core';
import { formatNumber } from '../../ui/format';
import { fieldId, type ReportFormApi } from './requests';
import { citizenForm, useVariant, type FormVariant } from './variant';

/** The contract's longest story (CreateReportRequest.story). */
const storyMax = 10_000;

interface StoryFieldProps {
  form: ReportFormApi;
  variant?: FormVariant;
  /** The fewest characters (ReportRules.storyMin): the help says it. */
  min: number;
}

/** What happened, in the reporter's words, with how much is written of what is allowed. */
export function StoryField({ form, variant = citizenForm, min }: StoryFieldProps) {
  const { word, testId } = useVariant(variant);
  const count = word('storyCount', {
    count: formatNumber(form.values.story.trim().length),
    max: formatNumber(storyMax),
  });
  return (
    <>
      <Textarea
        id={fieldId('story')}
        label={word('story')}
        description={word('storyHelp', { min })}
        required
        size="md"
        autosize
        minRows={5}
        maxRows={16}
        maxLength={storyMax}
        data-testid={testId('story')}
        {...form.getInputProps('story')}
      />
      {count && (
        <Text size="sm" c="dimmed" mt={4} ta="right" data-testid={testId('story-count')}>
          {count}
        </Text>
      )}
    </>
  );
}
