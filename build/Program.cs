// Wired up by the build runner (in progress).
return 0;
