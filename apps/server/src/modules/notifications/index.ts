export {
  createNotificationService,
  notificationJobHandler,
  MAX_ATTEMPTS,
  type DeliverOptions,
  type DeliveryCounts,
  type NotificationLogger,
  type NotificationService,
  type NotificationServiceDependencies,
  type QueuedNotification,
} from './notifications.service.js';
export {
  createLogSender,
  createSender,
  createSmtpSender,
  type OutgoingMessage,
  type Sender,
  type SenderLogger,
  type SendOutcome,
  type SmtpSenderOptions,
} from './senders.js';
export {
  NOTIFICATION_TEMPLATES,
  NotificationTemplateError,
  renderNotification,
  type NotificationChannel,
  type NotificationLanguage,
  type NotificationParams,
  type NotificationTemplate,
} from './templates.js';
