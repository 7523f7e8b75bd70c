"""Pure NPKI formats: keys, signPri.key, randomNum, VID, names, media layout. No state."""
