"""The Learning Record Store edge: xAPI statements about finished calls, sent where DESKDRILL_XAPI_ENDPOINT says."""
