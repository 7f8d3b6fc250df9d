import { Button, FileButton, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useRef, useState, type ComponentPropsWithoutRef } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import {
  addEvidence,
  evidenceAccept,
  evidenceLimits,
  formatFileSize,
  totalBytes,
  type EvidenceRefusal,
} from './evidence';
import { fieldId } from './requests';
import { RowRemoveButton } from './RowRemoveButton';

/** The file inputs are hidden (their buttons are what people use); tests reach them by these ids. */
const testId = (id: string) => ({ 'data-testid': id }) as ComponentPropsWithoutRef<'input'>;

interface EvidencePickerProps {
  files: File[];
  onChange: (files: File[]) => void;
  /** The server's word on the files (too large, wrong type, too many), if it refused them. */
  error?: string | undefined;
}

/**
 * Evidence files: picked from the phone or photographed, listed with their size, removable one by one.
 * A file over a limit is refused here, with its name and the reason, before anything is sent.
 */
export function EvidencePicker({ files, onChange, error }: EvidencePickerProps) {
  const { t } = useTranslation();
  const [refused, setRefused] = useState<{ name: string; reason: EvidenceRefusal }[]>([]);
  const resetPicker = useRef<() => void>(null);
  const resetCamera = useRef<() => void>(null);
  const locale = currentLocale();
  const size = (bytes: number) => formatFileSize(bytes, locale);
  const limitOf: Record<EvidenceRefusal, string> = {
    type: '',
    duplicate: '',
    size: size(evidenceLimits.maxFileBytes),
    total: size(evidenceLimits.maxTotalBytes),
    count: String(evidenceLimits.maxFiles),
  };

  const add = (added: File[] | File | null) => {
    // Cleared, so that the same file can be chosen again after it was removed.
    resetPicker.current?.();
    resetCamera.current?.();
    const chosen = added === null ? [] : Array.isArray(added) ? added : [added];
    const result = addEvidence(files, chosen);
    setRefused(result.refused.map(({ file, reason }) => ({ name: file.name, reason })));
    if (result.files.length !== files.length) onChange(result.files);
  };

  return (
    <Stack gap="sm">
      <Text size="sm" id="report-evidence-help">
        {t('reportForm.evidenceHelp', {
          files: evidenceLimits.maxFiles,
          fileSize: limitOf.size,
          totalSize: limitOf.total,
        })}
      </Text>
      <Group gap="sm">
        <FileButton
          onChange={add}
          accept={evidenceAccept}
          multiple
          resetRef={resetPicker}
          inputProps={testId('report-evidence-input')}
        >
          {(props) => (
            <Button
              {...props}
              id={fieldId('evidence')}
              variant="default"
              size="md"
              aria-describedby="report-evidence-help"
              disabled={files.length >= evidenceLimits.maxFiles}
            >
              {t('reportForm.pickFiles')}
            </Button>
          )}
        </FileButton>
        {/* On a phone, straight to the camera; the button above also offers the gallery and recordings. */}
        <FileButton
          onChange={add}
          accept="image/*"
          capture="environment"
          resetRef={resetCamera}
          inputProps={testId('report-evidence-camera')}
        >
          {(props) => (
            <Button
              {...props}
              variant="default"
              size="md"
              hiddenFrom="sm"
              disabled={files.length >= evidenceLimits.maxFiles}
            >
              {t('reportForm.takePhoto')}
            </Button>
          )}
        </FileButton>
      </Group>
      {(refused.length > 0 || error) && (
        <Stack gap={4} role="alert" data-testid="report-evidence-problem">
          {error && (
            <Text size="sm" c="red.8" fw={600}>
              {error}
            </Text>
          )}
          {refused.map(({ name, reason }) => (
            <Text key={`${name}:${reason}`} size="sm" c="red.8">
              {t(`reportForm.fileRefused.${reason}`, { name, limit: limitOf[reason] })}
            </Text>
          ))}
        </Stack>
      )}
      <Paper withBorder p="sm" radius="sm" component="section" aria-labelledby="report-files-title">
        <Group justify="space-between" gap="xs" mb={files.length > 0 ? 'xs' : 0}>
          <Text fw={700} size="sm" id="report-files-title">
            {t('reportForm.filesTitle')}
          </Text>
          <Text size="sm" c="dimmed">
            {files.length > 0
              ? t('reportForm.filesSummary', {
                  count: files.length,
                  max: evidenceLimits.maxFiles,
                  size: size(totalBytes(files)),
                })
              : t('reportForm.noFiles')}
          </Text>
        </Group>
        {files.length > 0 && (
          <List listStyleType="none" spacing={4} data-testid="report-evidence-files">
            {files.map((file, index) => (
              <List.Item
                key={`${file.name}:${file.size}:${file.lastModified}`}
                data-testid="report-evidence-file"
              >
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Text size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                    {file.name}{' '}
                    <Text span size="sm" c="dimmed">
                      ({size(file.size)})
                    </Text>
                  </Text>
                  <RowRemoveButton
                    label={t('reportForm.removeFile', { name: file.name })}
                    text={t('reportForm.remove')}
                    onClick={() => {
                      setRefused([]);
                      onChange(files.filter((_, other) => other !== index));
                    }}
                  />
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </Paper>
    </Stack>
  );
}
