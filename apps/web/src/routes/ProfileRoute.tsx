import { ProfilePage } from '../features/profile/ProfilePage';

export default function ProfileRoute() {
  return <ProfilePage />;
}
