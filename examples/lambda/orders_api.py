"""HTTP API handler of the order-processing stack: stores orders in
DynamoDB and announces them on the EventBridge bus."""
import json
import os
import uuid

import boto3

table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])
events = boto3.client("events")


def handler(event, context):
    if event["routeKey"] == "POST /orders":
        order = json.loads(event.get("body") or "{}")
        order_id = str(uuid.uuid4())
        item = {"orderId": order_id, "status": "PLACED", "items": order.get("items", [])}
        table.put_item(Item=item)
        events.put_events(Entries=[{
            "EventBusName": os.environ["EVENT_BUS_NAME"],
            "Source": "orders.api",
            "DetailType": "OrderPlaced",
            "Detail": json.dumps({"orderId": order_id}),
        }])
        return {"statusCode": 201, "body": json.dumps({"orderId": order_id})}
    order_id = event["pathParameters"]["orderId"]
    item = table.get_item(Key={"orderId": order_id}).get("Item")
    if item is None:
        return {"statusCode": 404, "body": json.dumps({"message": "not found"})}
    return {"statusCode": 200, "body": json.dumps(item, default=str)}
