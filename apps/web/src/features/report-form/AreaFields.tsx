import { Stack, Text } from '@mantine/core';
import { CommuneSelect } from '../reference/CommuneSelect';
import { ProvinceSelect } from '../reference/ProvinceSelect';
import { fieldId, type ReportFormApi } from './requests';
import { citizenForm, useVariant, type FormVariant } from './variant';

/** The province and the commune the report goes to; a new province empties the commune. */
export function AreaFields({ form, variant = citizenForm }: { form: ReportFormApi; variant?: FormVariant }) {
  const { word, testId } = useVariant(variant);
  const help = word('areaHelp');
  return (
    <Stack gap="sm">
      {help && <Text size="sm">{help}</Text>}
      <ProvinceSelect
        id={fieldId('provinceCode')}
        required
        size="md"
        data-testid={testId('province')}
        {...form.getInputProps('provinceCode')}
        onChange={(value) => {
          form.setFieldValue('provinceCode', value);
          form.setFieldValue('communeCode', null);
        }}
      />
      <CommuneSelect
        id={fieldId('communeCode')}
        provinceCode={form.values.provinceCode}
        clearable
        size="md"
        data-testid={testId('commune')}
        {...form.getInputProps('communeCode')}
      />
    </Stack>
  );
}
