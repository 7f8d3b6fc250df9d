import { Modal, type ModalProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** A modal that takes the whole screen on a phone, where a centred dialog leaves no room for a form. */
export function ResponsiveModal(props: ModalProps) {
  const { t } = useTranslation();
  const small = useMediaQuery('(max-width: 36em)');
  return (
    <Modal
      size="lg"
      centered
      fullScreen={small}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      {...props}
    />
  );
}
