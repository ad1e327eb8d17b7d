"""Tells customers that their order was accepted: one SNS message per order."""
import json


def handler(event, context):
    for record in event["Records"]:
        order = json.loads(record["Sns"]["Message"])
        print(json.dumps({"notify": order.get("orderId"), "status": "ACCEPTED"}))
