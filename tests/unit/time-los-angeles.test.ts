import { timeCases } from '../support/time-cases';

// A server west of UTC: local midnight falls eight hours after UTC's (in March, before daylight saving).
timeCases('America/Los_Angeles', 480);
