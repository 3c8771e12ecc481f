/** The lab's made-up app credentials and meeting: the stand-in accepts exactly these. */
export interface LabCredentials {
  sdkKey: string;
  sdkSecret: string;
  meetingNumber: string;
}

export const LAB_CREDENTIALS: LabCredentials = {
  sdkKey: 'LabClientId0Join0Doctor',
  sdkSecret: 'lab-secret-for-the-local-stand-in-only',
  meetingNumber: '85746065432',
};
