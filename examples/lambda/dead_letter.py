"""Reports orders the worker gave up on to the operators' alerts topic."""
import os

import boto3

sns = boto3.client("sns")


def handler(event, context):
    for record in event["Records"]:
        sns.publish(
            TopicArn=os.environ["ALERTS_TOPIC_ARN"],
            Subject="Order processing failed",
            Message=record["body"],
        )
