import { screeningPath } from '../../app/navigation';

export const reviewsPath = screeningPath;
export const decisionsPath = `${screeningPath}/quyet-dinh`;
export const ruleSetsPath = `${screeningPath}/bo-quy-tac`;
export const flagsPath = `${screeningPath}/gan-co`;
