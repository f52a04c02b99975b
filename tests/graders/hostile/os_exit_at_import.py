# expect: error
import os

print("all tests passed", flush=True)
os._exit(0)
