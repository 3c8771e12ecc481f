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

/** The lab's made-up Video SDK app and session: the wc/lsdk stand-in accepts exactly these. */
export interface LabVideoCredentials {
  sdkKey: string;
  sdkSecret: string;
  /** The session topic the lab page joins. */
  topic: string;
}

export const LAB_VIDEO_CREDENTIALS: LabVideoCredentials = {
  sdkKey: 'LabVideoSdkKey0Join0Doctor',
  sdkSecret: 'lab-video-secret-for-the-local-stand-in-only',
  topic: 'Join Doctor Lab Session',
};
