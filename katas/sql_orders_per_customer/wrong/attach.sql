-- expect: error
ATTACH DATABASE '/etc/passwd' AS stolen;
