import { timeCases } from '../support/time-cases';

// A server in Beijing itself: local time is already Beijing time.
timeCases('Asia/Shanghai', -480);
